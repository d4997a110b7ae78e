# attack: fs-delete-victim
# category: filesystem
# tries: delete a file outside the sandbox with os.remove
# source: MITRE ATT&CK T1485 (Data Destruction); CWE-73 (External Control of File Name or Path)
# verdict: status in {violation, error, compile_error} and victim file still exists
import os
os.remove("{{VICTIM_FILE}}")
print("REA" + "CHED")
