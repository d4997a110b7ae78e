# Tries: //go:wasmimport to declare and call arbitrary host functions (WASI path_open with a forged
# directory fd, sock_accept, or any non-WASI module the embedder might expose), and //go:wasmexport.
# Published: "cmd/compile: replace CallImport with go:wasmimport directive",
# https://github.com/golang/go/issues/38248 ; wasmexport: https://github.com/golang/go/issues/65199
from tests.go.gohelp import run

SRC = '''package main

import "fmt"

//go:wasmimport wasi_snapshot_preview1 path_open
func pathOpen(fd int32, dirflags int32, path *byte, pathLen int32, oflags int32, rightsBase int64, rightsInheriting int64, fdflags int32, result *int32) int32

//go:wasmexport hook
func hook() {}

func main() {
	p := []byte("/etc/passwd")
	var fd int32
	fmt.Println(pathOpen(3, 0, &p[0], int32(len(p)), 0, -1, -1, 0, &fd))
}
'''


def test_wasmimport_and_wasmexport_are_not_allowed():
    r = run(SRC)
    assert r.status == "violation"
    assert [(v.kind, v.line) for v in r.violations] == [("directive", 5), ("directive", 8)]
