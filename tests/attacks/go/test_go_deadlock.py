# Tries: park every goroutine so the guest neither runs nor exits: an unbuffered send with no receiver,
# `select {}`, a WaitGroup that is never done, a mutex locked twice, a receive on a nil channel, hoping the
# host waits forever (no wasm runs, so the epoch deadline never fires) or the worker is wedged.
# Published: Go runtime "fatal error: all goroutines are asleep - deadlock!" (runtime/proc.go checkdead);
# CWE-833 (deadlock). On wasip1 the runtime detects it and exits with status 2.
import pytest

from tests.go.gohelp import run, run_timed

CASES = {
    "chan_send": 'package main\nfunc main() { ch := make(chan int); ch <- 1 }\n',
    "select_empty": 'package main\nfunc main() { select {} }\n',
    "waitgroup": 'package main\nimport "sync"\nfunc main() { var wg sync.WaitGroup; wg.Add(1); wg.Wait() }\n',
    "mutex_twice": 'package main\nimport "sync"\nfunc main() { var mu sync.Mutex; mu.Lock(); mu.Lock() }\n',
    "nil_chan_in_goroutines": ('package main\nimport "sync"\nfunc main() { var wg sync.WaitGroup; var c chan int\n'
                               'for i := 0; i < 1000; i++ { wg.Add(1); go func() { <-c; wg.Done() }() }; wg.Wait() }\n'),
    "cond_wait": 'package main\nimport "sync"\nfunc main() { var mu sync.Mutex; c := sync.NewCond(&mu); mu.Lock(); c.Wait() }\n',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_deadlock_ends_the_run_quickly(name):
    r, elapsed = run_timed(CASES[name], timeout=5)
    assert r.status == "error" and r.exit_code == 2, (r.status, r.stderr[:300])
    assert "all goroutines are asleep - deadlock!" in r.stderr
    assert elapsed < 4.5  # detected by the Go runtime, not left to the deadline


def test_deadlock_with_a_sleeper_hits_the_deadline():
    # a goroutine sleeping in poll_oneoff keeps the runtime from declaring a deadlock: our poll_oneoff must cut it
    src = ('package main\nimport "time"\nfunc main() { go func() { for { time.Sleep(time.Hour) } }();'
           ' ch := make(chan int); <-ch }\n')
    r, run_s = run_timed(src, timeout=1)
    assert r.status == "timeout", (r.status, r.stderr[:300])
    assert run_s < 2.5
    assert run('package main\nimport "fmt"\nfunc main() { fmt.Println("next") }\n', timeout=30).stdout == "next\n"
