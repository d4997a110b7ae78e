// attack: escape-foreign-module
// category: interpreter-escape
// tries: import a package from outside the standard library (module download)
// source: MITRE ATT&CK T1195.001 (Supply Chain Compromise: dependencies); Go modules reference (GOPROXY)
// verdict: status in {violation, error, compile_error}
package main

import (
	"fmt"
	"golang.org/x/sys/unix"
)

func main() { fmt.Println(unix.Getpid()) }
