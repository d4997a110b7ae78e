// attack: fs-embed
// category: filesystem
// tries: read a host file at build time with //go:embed
// source: Go cmd/go documentation 'go:embed'; build-time file inclusion (CWE-73)
// verdict: status in {violation, error, compile_error} and canary not in output
package main

import (
	_ "embed"
	"fmt"
)

//go:embed secret.txt
var s string

func main() { fmt.Print(s) }
