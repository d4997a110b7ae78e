// attack: priv-reflect-unsafe-pointer
// category: privilege-escalation
// tries: unsafe pointer arithmetic without importing "unsafe": reflect.Value.UnsafePointer() converts to any *T, and a
// tries: *reflect.SliceHeader rewritten to cover address 0 to 1 GiB reads past the linear memory
// source: "reflect: deprecate SliceHeader and StringHeader" https://github.com/golang/go/issues/56906 and go vet's
// source: unsafeptr check; Costa et al., "Breaking Type Safety in Go" (IEEE TSE 2021)
// verdict: status == error and output lacks "REACHED"
// timeout_s: 2
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
	x := 41
	*(*int)(reflect.ValueOf(&x).UnsafePointer()) += 1 // unsafe.Pointer conversion, no "unsafe" import
	fmt.Println("x", x)
	s := wild(0, 1<<30)
	sum := 0
	for i := 0; i < len(s); i += 4096 {
		sum += int(s[i])
	}
	fmt.Println("REA"+"CHED: read 1 GiB from address 0", sum)
}
