"""The static policy check of Go sources (no compiler involved)."""

from __future__ import annotations

import pytest

from sandboxes.go._check import ALLOWED_DIRECTIVES, check_source, lex
from sandboxes.policy import default_policy

PKGS = default_policy().go.packages


def kinds(src: str) -> list[tuple[str, int | None]]:
    return [(v.kind, v.line) for v in check_source(src, PKGS)]


def test_clean_program_passes():
    src = 'package main\n\nimport (\n\t"fmt"\n\tstr "strings"\n\t. "math"\n\t_ "sort"\n)\n\nfunc main() { fmt.Println(str.ToUpper("x"), Pi) }\n'
    assert check_source(src, PKGS) == []


@pytest.mark.parametrize("path", ["unsafe", "syscall", "os/exec", "net", "net/http", "plugin", "runtime/cgo",
                                  "runtime", "os/signal", "log/syslog", "embed", "github.com/x/y"])
def test_unlisted_packages_are_not_allowed(path):
    src = f'package main\n\nimport "{path}"\n\nfunc main() {{}}\n'
    vs = check_source(src, PKGS)
    assert [(v.kind, v.line, v.col) for v in vs] == [("import", 3, 8)]
    assert "not allowed" in vs[0].detail and repr(path) in vs[0].detail


def test_import_c_is_not_allowed():
    vs = check_source('package main\n\n// #include <stdio.h>\nimport "C"\nfunc main() {}\n', PKGS)
    assert [(v.kind, v.line) for v in vs] == [("import", 4)]
    assert "not allowed" in vs[0].detail


def test_grouped_aliases_dot_blank_and_comments():
    src = '''package main
import (
    f "fmt" // "os/exec" in a comment is fine
    /* "net" in a block comment is fine */ . "unsafe"
    _ "syscall"; x "strings"
)
func main() { f.Println(x.ToUpper("")) }
'''
    assert kinds(src) == [("import", 4), ("import", 5)]


def test_escaped_import_path_is_decoded():
    # "\x75nsafe" is "unsafe": the path is compared after decoding escapes.
    src = 'package main\nimport _ "\\x75nsafe"\nimport _ "\\u006et"\nfunc main() {}\n'
    assert kinds(src) == [("import", 2), ("import", 3)]


def test_raw_string_import_path():
    src = 'package main\nimport _ `os/exec`\nfunc main() {}\n'
    assert kinds(src) == [("import", 2)]


def test_text_in_strings_and_comments_is_not_code():
    src = '''package main
import "fmt"
var a = `
import "unsafe"
//go:linkname x y
`
var b = "import \\"net\\" //go:embed x"
var c = '"'
/*
import "os/exec"
//go:wasmimport env f
*/
func main() { fmt.Println(a, b, c) }
'''
    assert check_source(src, PKGS) == []


def test_import_anywhere_is_checked():
    # Not valid Go, but the scan must not depend on the compiler rejecting it.
    src = 'package main\nimport "fmt"\nfunc main() { fmt.Println() }\nimport "unsafe"\n'
    assert kinds(src) == [("import", 4)]


@pytest.mark.parametrize("directive", ["//go:linkname f runtime.f", "//go:wasmimport env f", "//go:wasmexport f",
                                       "//go:embed x.txt", "//go:nosplit", "//go:build ignore",
                                       "//go:noescape", "//go:", "//line other.go:1", "//export f",
                                       "/*line x.go:1:1*/"])
def test_directives_are_not_allowed(directive):
    src = f"package main\n\n{directive}\nfunc main() {{}}\n"
    vs = check_source(src, PKGS)
    assert [(v.kind, v.line) for v in vs] == [("directive", 3)], vs
    assert "not allowed" in vs[0].detail


def test_cgo_directive_in_preamble():
    src = 'package main\n\n/*\n#cgo LDFLAGS: -lm\n*/\nimport "C"\nfunc main() {}\n'
    assert sorted(kinds(src)) == [("directive", 4), ("import", 6)]


def test_allowed_directive():
    assert ALLOWED_DIRECTIVES == ("noinline",)
    assert check_source("package main\n\n//go:noinline\nfunc f() {}\nfunc main() { f() }\n", PKGS) == []


@pytest.mark.parametrize("src,detail", [
    ("package foo\nfunc main() {}\n", "package must be main"),
    ("func main() {}\n", "must start with `package main`"),
    ("", "must start with `package main`"),
])
def test_package_must_be_main(src, detail):
    vs = check_source(src, PKGS)
    assert vs and vs[0].kind == "package" and detail in vs[0].detail


@pytest.mark.parametrize("src", ['package main\nvar s = "abc\n', "package main\nvar s = `abc\n",
                                 "package main\n/* abc\n", "package main\nvar r = 'a\n",
                                 'package main\nvar s = "\\q"\n'])
def test_unterminated_literals_are_syntax_violations(src):
    vs = check_source(src, PKGS)
    assert [v.kind for v in vs] == ["syntax"]


def test_every_violation_is_reported_at_once():
    src = 'package main\nimport (\n "unsafe"\n "net"\n)\n//go:linkname a b\n//go:embed c\nfunc main() {}\n'
    assert kinds(src) == [("import", 3), ("import", 4), ("directive", 6), ("directive", 7)]


def test_lexer_positions_and_bom():
    tokens, comments = lex('\ufeffpackage main\n// c\nvar x = "a\\tb"\n')
    assert (tokens[0].text, tokens[0].line, tokens[0].col) == ("package", 1, 1)
    s = [t for t in tokens if t.kind == "string"][0]
    assert (s.text, s.line, s.col) == ("a\tb", 3, 9)
    assert comments[0][:3] == ("// c", 2, 1)
