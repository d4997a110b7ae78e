// attack: priv-cgo
// category: privilege-escalation
// tries: link native code with cgo (import "C")
// source: Go cgo documentation; CWE-111 analogue (native code from a managed language)
// verdict: status in {violation, error, compile_error} and output lacks "uid="
package main

// #include <stdlib.h>
import "C"

func main() { C.system(C.CString("id")) }
