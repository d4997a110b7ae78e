// attack: fs-path-traversal
// category: filesystem
// tries: read the canary through a ../../.. relative path
// source: CWE-22 (Path Traversal)
// verdict: status in {violation, error, compile_error} and canary not in output
package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("{{CANARY_REL}}")
	if err != nil {
		panic(err)
	}
	fmt.Print(string(b))
}
