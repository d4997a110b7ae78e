# Tries: make the compiler evaluate giant constants (1 << 100000, repeated multiplication of huge
# untyped constants) and a huge static array type `var a [1<<40]byte`.
# Published: "cmd/compile: stupid shift if right shift", https://github.com/golang/go/issues/11328
# (compilers bound constant precision) ; CWE-400.
from tests.go.gohelp import run


def test_giant_constant_is_a_compile_error():
    r = run("package main\nconst c = 1 << 100000\nconst d = c * c * c\nfunc main() { println(d > 0) }\n", timeout=30)
    assert r.status == "compile_error" and r.violations[0].line == 2


def test_huge_array_type_is_a_compile_error():
    r = run("package main\nvar a [1<<40]byte\nfunc main() { a[0] = 1; println(a[0]) }\n", timeout=30)
    assert r.status == "compile_error" and "too large" in r.stderr
    assert "/" not in r.stderr.split(":", 3)[-1].replace("main.a", "")  # no host path in the message


def test_huge_local_array_hits_the_memory_limit():
    r = run("package main\nfunc main() { var a [1<<32]byte; a[7] = 1; println(a[7]) }\n", timeout=30)
    assert r.status == "memory_limit", (r.status, r.stderr[:200])
