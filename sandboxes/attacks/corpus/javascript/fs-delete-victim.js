// attack: fs-delete-victim
// category: filesystem
// tries: delete and overwrite a file outside the sandbox
// source: MITRE ATT&CK T1485 (Data Destruction)
// verdict: status in {violation, error, compile_error} and victim file still exists
require("fs").unlinkSync("{{VICTIM_FILE}}");
