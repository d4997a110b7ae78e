# Tries: block in the host with time.Sleep(time.Hour) (WASI poll_oneoff) and select{} on a timer,
# where an epoch deadline cannot interrupt because no wasm code is running.
# Published: wasmtime PR "Add a note about host calls to epoch_interruption",
# https://github.com/bytecodealliance/wasmtime/pull/9189 ; ENGINE-NOTES (a 1-hour sleep hung the call).
from tests.go.gohelp import run_timed


def test_sleep_hour_times_out_at_the_deadline():
    for src in ('package main\nimport "time"\nfunc main() { time.Sleep(time.Hour) }\n',
                'package main\nimport "time"\nfunc main() { select { case <-time.After(time.Hour): } }\n',
                'package main\nimport "time"\nfunc main() { go func() { for { time.Sleep(time.Hour) } }(); time.Sleep(90 * time.Minute) }\n'):
        r, run_s = run_timed(src, timeout=1)
        assert r.status == "timeout", src
        assert 0.9 <= run_s <= 2.0
