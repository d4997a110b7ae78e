# attack: dos-threads
# category: resource-exhaustion
# tries: start threads that outlive the run
# source: CWE-400; MITRE ATT&CK T1496 (Resource Hijacking)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import threading
threading.Thread(target=lambda: None).start()
print("REA" + "CHED")
