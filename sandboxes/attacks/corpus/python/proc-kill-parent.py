# attack: proc-kill-parent
# category: process
# tries: kill the parent (the host or the worker server) with os.kill
# source: MITRE ATT&CK T1489 (Service Stop); T1562.001 (Impair Defenses)
# verdict: status in {violation, error, compile_error} and a follow-up run is clean
import os, signal
os.kill(os.getppid(), signal.SIGKILL)
