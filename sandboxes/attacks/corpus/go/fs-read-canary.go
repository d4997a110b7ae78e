// attack: fs-read-canary
// category: filesystem
// tries: read the planted canary file by its absolute path
// source: MITRE ATT&CK T1005 (Data from Local System)
// verdict: status in {violation, error, compile_error} and canary not in output
package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("{{CANARY_FILE}}")
	if err != nil {
		panic(err)
	}
	fmt.Print(string(b))
}
