# Tries: burn CPU forever in a tight loop with no function calls (no preemption points in Go source).
# Published: wasmtime docs on epoch-based interruption (Config::epoch_interruption); CWE-835 (infinite loop).
from tests.go.gohelp import run_timed


def test_infinite_loop_times_out():
    r, run_s = run_timed("package main\nfunc main() { x := 0; for { x ^= 1 } }\n", timeout=1)
    assert r.status == "timeout" and r.extra["stopped_by"] == "wasmtime"
    assert 0.9 <= run_s <= 2.0  # timeout bounds the run; compiling a new program has its own budget
