# Tries: exhaust host memory with one huge allocation and with steady growth (append in a loop).
# Published: CWE-789 (memory allocation with excessive size value); wasmtime's store limiter
# (Store.set_limits / ResourceLimiter docs) caps linear memory; Go prints "fatal error: out of memory".
from tests.go.gohelp import run


def test_single_huge_allocation_hits_memory_limit():
    r = run('package main\nfunc main() { b := make([]byte, 3<<30); b[9] = 1; println(b[9]) }\n', timeout=30, memory_mb=128)
    assert r.status == "memory_limit", (r.status, r.stderr[:300])


def test_growth_hits_memory_limit():
    src = 'package main\nfunc main() { var keep [][]byte; for { keep = append(keep, make([]byte, 1<<20)) } }\n'
    r = run(src, timeout=30, memory_mb=64)
    assert r.status == "memory_limit", (r.status, r.stderr[:300])
