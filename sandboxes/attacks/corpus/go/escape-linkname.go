// attack: escape-linkname
// category: interpreter-escape
// tries: reach runtime internals with //go:linkname
// source: golang/go#67401 (cmd/link: lock down uses of linkname); Go compiler directives documentation
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	_ "unsafe"
)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

func main() { fmt.Println("REA"+"CHED", nanotime()) }
