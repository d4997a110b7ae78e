# Tries: //go:linkname to pull unexported runtime/syscall symbols (e.g. syscall.rawSyscall-like WASI
# imports, runtime.environ) without importing their package.
# Published: "cmd/link: lock down future uses of linkname", https://github.com/golang/go/issues/67401
from tests.go.gohelp import run

SRC = '''package main

import (
	"fmt"
	_ "os"
)

//go:linkname environ runtime.environ
func environ() []string

func main() { fmt.Println(environ()) }
'''


def test_linkname_is_not_allowed():
    r = run(SRC)
    assert r.status == "violation"
    assert [(v.kind, v.line) for v in r.violations] == [("directive", 8)]
    assert "//go:linkname is not allowed" in r.violations[0].detail


def test_linkname_hidden_in_a_string_is_harmless_text():
    src = 'package main\nimport "fmt"\nfunc main() { fmt.Println(`\n//go:linkname x y\n`) }\n'
    r = run(src, timeout=30)
    assert r.status == "ok" and "//go:linkname x y" in r.stdout
