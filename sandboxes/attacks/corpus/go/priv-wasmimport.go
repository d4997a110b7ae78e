// attack: priv-wasmimport
// category: privilege-escalation
// tries: declare a host function import with //go:wasmimport to call outside WASI
// source: Go 1.21 release notes (go:wasmimport); WebAssembly host-import abuse
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import "fmt"

//go:wasmimport wasi_snapshot_preview1 sock_open
func sockOpen(a, b int32, fd *int32) int32

func main() {
	var fd int32
	fmt.Println("REA"+"CHED", sockOpen(1, 1, &fd))
}
