# Tries: burn CPU forever in a tight loop with no function calls (no preemption points in Go source).
# Published: wasmtime docs on epoch-based interruption (Config::epoch_interruption); CWE-835 (infinite loop).
import time

from tests.go.gohelp import run


def test_infinite_loop_times_out():
    t0 = time.monotonic()
    r = run("package main\nfunc main() { x := 0; for { x ^= 1 } }\n", timeout=1)
    assert r.status == "timeout" and r.extra["stopped_by"] == "wasmtime"
    assert 0.9 <= time.monotonic() - t0 <= 1.5
