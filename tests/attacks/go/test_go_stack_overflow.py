# Tries: unbounded recursion (with a large frame) to overflow the stack and crash the host.
# Published: CWE-674 (uncontrolled recursion); wasmtime's max_wasm_stack limit (Config docs) turns it
# into a STACK_OVERFLOW trap inside the guest.
from tests.go.gohelp import run


def test_deep_recursion_is_an_error():
    src = "package main\nfunc f(n int) int { var pad [64]int; pad[n%64] = n; return f(n+1) + pad[3] }\nfunc main() { println(f(0)) }\n"
    r = run(src, timeout=30)
    assert r.status in ("error", "memory_limit"), (r.status, r.stderr[:300])
    if r.status == "error":
        assert "stack overflow" in r.stderr or "stack exceeds" in r.stderr
    assert run('package main\nimport "fmt"\nfunc main() { fmt.Println(1) }\n', timeout=30).stdout == "1\n"
