# Tries: unsafe pointer arithmetic without importing "unsafe": reflect.Value.UnsafePointer() yields an
# unsafe.Pointer that converts to any *T, and a *reflect.SliceHeader rewritten to cover address 0 and 1 GiB
# gives wild reads and writes over the Go runtime's own memory (and beyond the linear memory).
# Published: "reflect: deprecate SliceHeader and StringHeader" https://github.com/golang/go/issues/56906 and
# go vet's unsafeptr check; Costa et al., "Breaking Type Safety in Go" (IEEE TSE 2021). The allowlist
# admits reflect, so containment rests on wasm bounds checks.
from tests.go.gohelp import run

PRELUDE = '''package main

import (
	"fmt"
	"reflect"
)

func wild(base uintptr, n int) []byte {
	var s []byte
	sh := (*reflect.SliceHeader)(reflect.ValueOf(&s).UnsafePointer())
	sh.Data, sh.Len, sh.Cap = base, n, n
	return s
}
'''

READ_PAST_END = PRELUDE + '''
func main() {
	x := 41
	*(*int)(reflect.ValueOf(&x).UnsafePointer()) += 1 // unsafe.Pointer conversion, no "unsafe" import
	fmt.Println("x", x)
	s := wild(0, 1<<30)
	sum := 0
	for i := 0; i < len(s); i += 4096 {
		sum += int(s[i])
	}
	fmt.Println("read the whole range", sum)
}
'''

SMASH_RUNTIME = PRELUDE + '''
func main() {
	s := wild(0, 1<<20)
	for i := range s {
		s[i] = 0xAB // overwrite the runtime's data at the bottom of linear memory
	}
	fmt.Println("survived")
}
'''


def test_wild_read_past_linear_memory_traps():
    r = run(READ_PAST_END, timeout=30, memory_mb=64)
    assert r.status == "error", (r.status, r.stderr[:300])
    assert r.stdout.startswith("x 42\n") and "read the whole range" not in r.stdout
    assert "out-of-bounds memory access" in r.stderr


def test_smashing_the_runtime_stays_in_the_guest():
    r = run(SMASH_RUNTIME, timeout=10, memory_mb=64)
    assert r.status in ("error", "timeout", "memory_limit", "output_limit"), (r.status, r.stderr[:300])
    assert "survived" not in r.stdout
    # the host is intact: the next run of the same sandbox is normal
    r = run('package main\nimport "fmt"\nfunc main() { fmt.Println("next") }\n', timeout=30)
    assert r.status == "ok" and r.stdout == "next\n"
