# attack: proc-fork-bomb
# category: process
# tries: fork repeatedly with os.fork
# source: CWE-400 (Uncontrolled Resource Consumption); the classic fork bomb
# verdict: status in {violation, error, compile_error} and returns within 10 s
import os
while True:
    os.fork()
