// attack: fs-read-etc-passwd
// category: filesystem
// tries: read /etc/passwd with os.ReadFile
// source: MITRE ATT&CK T1552.001 (Credentials In Files); CWE-552
// verdict: status in {violation, error, compile_error} and output lacks "root:x:0:0"
package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("/etc/passwd")
	if err != nil {
		panic(err)
	}
	fmt.Print(string(b))
}
