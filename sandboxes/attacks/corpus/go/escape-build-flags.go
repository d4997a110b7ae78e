// attack: escape-build-flags
// category: interpreter-escape
// tries: smuggle build flags and linker directives (//go:cgo_ldflag, //go:build)
// source: Go issue 'cgo LDFLAGS code execution' (CVE-2023-29404, CVE-2023-29405)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

//go:cgo_ldflag "-fplugin=/tmp/x.so"

import "fmt"

func main() { fmt.Println("REA" + "CHED") }
