// attack: priv-reflect-smash-runtime
// category: privilege-escalation
// tries: overwrite the first MiB of linear memory (the Go runtime's own data) through a reflect.SliceHeader over
// tries: address 0, hoping to corrupt the host's state or the next run
// source: "reflect: deprecate SliceHeader and StringHeader" https://github.com/golang/go/issues/56906 and go vet's
// source: unsafeptr check; Costa et al., "Breaking Type Safety in Go" (IEEE TSE 2021)
// verdict: status in {error, timeout, memory_limit, output_limit} and output lacks "REACHED"
// verdict: and a follow-up run is clean
// timeout_s: 2
// exclusive: true
package main

import (
	"fmt"
	"reflect"
)

// wild is a []byte over any address range, built through reflect.SliceHeader (no "unsafe" import).
func wild(base uintptr, n int) []byte {
	var s []byte
	sh := (*reflect.SliceHeader)(reflect.ValueOf(&s).UnsafePointer())
	sh.Data, sh.Len, sh.Cap = base, n, n
	return s
}

func main() {
	s := wild(0, 1<<20)
	for i := range s {
		s[i] = 0xAB
	}
	fmt.Println("REA" + "CHED: survived")
}
