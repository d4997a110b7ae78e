# Tries: unsafe.Pointer arithmetic to read or write arbitrary linear memory (Go runtime structures),
# the standard first step of memory-corruption exploits in Go.
# Published: "Breaking Type Safety in Go: An Empirical Study on the Usage of the unsafe Package"
# (Costa et al., IEEE TSE 2021); golang/go#67401 context. "unsafe" is not in the allowlist.
from tests.go.gohelp import run

SRC = '''package main

import (
	"fmt"
	. "unsafe"
)

func main() {
	x := 1
	p := Pointer(uintptr(Pointer(&x)) + 1<<20)
	fmt.Println(*(*int)(p))
}
'''


def test_unsafe_is_not_allowed():
    r = run(SRC)
    assert r.status == "violation"
    assert [(v.kind, v.line) for v in r.violations] == [("import", 5)]
    assert "'unsafe' is not allowed" in r.stderr
