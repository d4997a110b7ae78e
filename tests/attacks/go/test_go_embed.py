# Tries: //go:embed to read host files into the binary at build time (e.g. the build directory,
# go.mod, or - with a symlink or ../ - anything the compiler can read).
# Published: the embed proposal, https://github.com/golang/go/issues/41191 (patterns may not contain
# ".." but do follow what is in the module directory). Denied twice: the directive and package embed.
from tests.go.gohelp import run

SRC = '''package main

import (
	_ "embed"
	"fmt"
)

//go:embed go.mod
var gomod string

func main() { fmt.Println(gomod) }
'''


def test_embed_is_not_allowed():
    r = run(SRC)
    assert r.status == "violation"
    assert sorted((v.kind, v.line) for v in r.violations) == [("directive", 8), ("import", 4)]
