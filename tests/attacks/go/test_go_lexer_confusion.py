# Tries: make the import scanner and the Go compiler disagree about what is code: a BOM in the middle of the
# file, CR-only line endings, an `import` inside a function body, U+2028 inside a // comment, a full-width
# import alias, escapes in the path, and an import hidden after a block comment holding `"` and a backquote.
# Published: Trojan Source, "Invisible Vulnerabilities" (Boucher & Anderson, CVE-2021-42574,
# https://trojansource.codes/) and the classic tokenizer-differential class of filter bypasses (CWE-184).
import pytest

from tests.go.gohelp import run

CASES = {
    "bom_mid_file": 'package main\n\ufeffimport "unsafe"\nfunc main() { println(unsafe.Sizeof(1)) }\n',
    "cr_only_lines": 'package main\rimport "unsafe"\rfunc main() { println(unsafe.Sizeof(1)) }\r',
    "import_in_func": 'package main\nfunc main() {\n\timport "unsafe"\n}\n',
    "u2028_in_comment": 'package main\n// note\u2028\nimport "unsafe"\nfunc main() { println(unsafe.Sizeof(1)) }\n',
    "fullwidth_alias": 'package main\nimport ｕ "unsafe"\nfunc main() { println(ｕ.Sizeof(1)) }\n',
    "octal_escapes": 'package main\nimport "\\165\\156safe"\nfunc main() { println(unsafe.Sizeof(1)) }\n',
    "quote_in_block_comment": 'package main\n/* " ` */ import "unsafe" /* ` " */\nfunc main() { println(unsafe.Sizeof(1)) }\n',
    "rune_then_import": "package main\nvar q = '\"'\nimport \"unsafe\"\nfunc main() { println(unsafe.Sizeof(1), q) }\n",
    "grouped_semicolons": 'package main\nimport ("fmt";;; . "unsafe")\nfunc main() { fmt.Println(Sizeof(1)) }\n',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unsafe_import_is_always_seen(name):
    r = run(CASES[name], timeout=30)
    assert r.status in ("violation", "compile_error"), (name, r.status, r.stdout, r.stderr)
    if r.status == "violation":
        assert any(v.kind == "import" and "unsafe" in v.detail for v in r.violations), r.violations
    assert r.stdout == "" and r.exit_code is None  # never built, never ran


def test_bom_at_start_and_unicode_idents_still_work():
    r = run('\ufeffpackage main\nimport ｆ "fmt"\nfunc main() { ｆ.Println("ok") }\n', timeout=30)
    assert r.status == "ok" and r.stdout == "ok\n", (r.status, r.stderr)
