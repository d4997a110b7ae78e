# attack: proc-spawn
# category: process
# tries: run a shell command with subprocess and os.system
# source: MITRE ATT&CK T1059.006 (Command and Scripting Interpreter: Python); CWE-78
# verdict: status in {violation, error, compile_error} and output lacks "uid="
import subprocess
print(subprocess.run(["id"], capture_output=True, text=True).stdout)
import os
os.system("id")
