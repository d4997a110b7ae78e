# Tries: cgo with #cgo LDFLAGS/CFLAGS in the preamble (historically a route to arbitrary code execution
# during `go build`), plus a //line directive used to smuggle //go:cgo_ directives.
# Published: CVE-2023-39323, "cmd/go: line directives allows arbitrary execution during build",
# https://github.com/golang/go/issues/63211 ; CVE-2020-28366, https://github.com/golang/go/issues/42560
from tests.go.gohelp import run

SRC = '''package main

/*
#cgo LDFLAGS: -fplugin=/tmp/evil.so
#include <stdlib.h>
*/
import "C"

//line /abs/path/x.go:1
//go:cgo_ldflag "-fplugin=/tmp/evil.so"
func main() { C.abort() }
'''


def test_cgo_and_line_directives_are_not_allowed():
    r = run(SRC)
    assert r.status == "violation"
    assert [(v.kind, v.line) for v in r.violations] == [("directive", 4), ("import", 7), ("directive", 9),
                                                         ("directive", 10)]
