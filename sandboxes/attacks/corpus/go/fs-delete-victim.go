// attack: fs-delete-victim
// category: filesystem
// tries: delete a file outside the sandbox with os.Remove
// source: MITRE ATT&CK T1485 (Data Destruction)
// verdict: status in {violation, error, compile_error} and victim file still exists
package main

import (
	"os"
)

func main() {
	if err := os.Remove("{{VICTIM_FILE}}"); err != nil {
		panic(err)
	}
}
