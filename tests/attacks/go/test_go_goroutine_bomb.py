# Tries: a goroutine bomb (spawn blocked goroutines forever) to exhaust memory or the scheduler.
# Published: CWE-400 (uncontrolled resource consumption); the Go FAQ on goroutine cost (a few KB of stack
# each). Each goroutine stack lives in the capped linear memory: the run ends with memory_limit.
from tests.go.gohelp import run


def test_goroutine_bomb_is_contained():
    src = 'package main\nfunc main() { ch := make(chan int); for { go func() { <-ch }() } }\n'
    r = run(src, timeout=30, memory_mb=64)
    assert r.status == "memory_limit", (r.status, r.stderr[:300])
    assert run('package main\nimport "fmt"\nfunc main() { fmt.Println("ok") }\n', timeout=30).stdout == "ok\n"
