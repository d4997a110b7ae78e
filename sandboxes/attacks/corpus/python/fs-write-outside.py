# attack: fs-write-outside
# category: filesystem
# tries: overwrite a file outside the sandbox and create one beside it
# source: MITRE ATT&CK T1565.001 (Stored Data Manipulation); CWE-73
# verdict: status in {violation, error, compile_error} and victim file still exists
with open("{{VICTIM_FILE}}", "w") as f:
    f.write("pwned")
open("{{CANARY_DIR}}/dropped.txt", "w").write("pwned")
