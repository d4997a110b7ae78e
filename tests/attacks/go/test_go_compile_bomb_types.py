# Tries: exponential compile time with deeply nested types: generic structs with 8 fields nested 12 deep
# and plain structs doubling at every level.
# Published: "cmd/compile: exponential behavior for deeply nested structs",
# https://github.com/golang/go/issues/65540 ; nested generics: https://github.com/golang/go/pull/79314
import time

import sandboxes
from tests.go.gohelp import policy, with_go

GENERICS = ("package main\ntype T[P any] struct { _, _, _, _, _, _, _, _ P }\n"
            "type U T[T[T[T[T[T[T[T[T[T[T[T[int]]]]]]]]]]]]\nvar u U\nfunc main() { println(len(u._)) }\n")
STRUCTS = ("package main\n" + "".join(f"type S{i} struct{{ a, b, c, d S{i + 1} }}\n" for i in range(16))
           + "type S16 struct{ x int }\nvar s S0\nfunc main() { println(s.a.b.c.d.x) }\n")


def test_type_bombs_are_stopped_at_the_compile_budget():
    pol = with_go(policy(), compile_timeout_s=3.0)  # the compiler's time is bounded by the compile budget
    for src in (GENERICS, STRUCTS):
        t0 = time.monotonic()
        r = sandboxes.run("go", src, policy=pol, timeout=1)
        elapsed = time.monotonic() - t0
        assert r.status in ("timeout", "compile_error"), (r.status, r.stderr[:200])
        if r.status == "timeout":
            assert r.extra["stopped_by"] == "toolchain" and "go.compile_timeout_s" in r.stderr
        assert elapsed < 3.0 + 1.5
