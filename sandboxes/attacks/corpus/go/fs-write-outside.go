// attack: fs-write-outside
// category: filesystem
// tries: overwrite a file outside the sandbox and create one beside it
// source: MITRE ATT&CK T1565.001 (Stored Data Manipulation)
// verdict: status in {violation, error, compile_error} and victim file still exists
package main

import (
	"os"
)

func main() {
	_ = os.WriteFile("{{CANARY_DIR}}/dropped.txt", []byte("pwned"), 0o644)
	if err := os.WriteFile("{{VICTIM_FILE}}", []byte("pwned"), 0o644); err != nil {
		panic(err)
	}
}
