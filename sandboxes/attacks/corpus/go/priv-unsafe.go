// attack: priv-unsafe
// category: privilege-escalation
// tries: write arbitrary memory with unsafe.Pointer arithmetic
// source: Go unsafe package documentation; CWE-787 (Out-of-bounds Write)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"unsafe"
)

func main() {
	x := 1
	p := (*[1 << 20]byte)(unsafe.Pointer(&x))
	p[1<<19] = 1
	fmt.Println("REA" + "CHED")
}
