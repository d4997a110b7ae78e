# attack: proc-enumerate
# category: process
# tries: list processes by reading /proc
# source: MITRE ATT&CK T1057 (Process Discovery)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import os
print("REA" + "CHED", os.listdir("/proc"))
