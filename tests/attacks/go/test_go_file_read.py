# Tries: read host files from the guest: os.ReadFile("/etc/passwd"), "../" traversal, a trailing-slash
# path, os.DirFS("/") and os.ReadDir("/").
# Published: wasmtime advisory GHSA-vqjp-4c8c-hfgg (filesystem sandbox escape via trailing slashes,
# https://github.com/bytecodealliance/wasmtime/security/advisories/GHSA-vqjp-4c8c-hfgg) and the
# classic CWE-22 path traversal. Our WASI context has no preopened directory at all.
from tests.go.gohelp import run

SRC = '''package main

import (
	"fmt"
	"io/fs"
	"os"
)

func main() {
	for _, p := range []string{"/etc/passwd", "../../../../etc/passwd", "/etc/passwd/", "etc/passwd", "/proc/self/environ"} {
		b, err := os.ReadFile(p)
		fmt.Println(p, len(b), err != nil)
	}
	_, err := fs.ReadFile(os.DirFS("/"), "etc/passwd")
	fmt.Println("dirfs", err != nil)
	ents, err := os.ReadDir("/")
	fmt.Println("readdir", len(ents), err != nil)
	_, err = os.Create("/tmp/sandboxes-go-escape")
	fmt.Println("create", err != nil)
}
'''


def test_no_host_file_is_readable():
    r = run(SRC, timeout=30)  # io/fs is allowed since issue 13: it reaches files only through os
    assert r.status == "ok", r.stderr
    lines = r.stdout.splitlines()
    assert all(line.endswith(" 0 true") for line in lines[:5]), lines
    assert lines[5:] == ["dirfs true", "readdir 0 true", "create true"]
    assert "root:" not in r.stdout and "root:" not in r.stderr
    assert r.extra["file_system"] == "denied (path_open)"
