"""Go recursion as deep as judged programs go answers as native Go does (conformance round 5, G1).

Go's wasm port makes every Go call a wasm call on the native stack of the thread that runs the guest;
wasmtime's default ``max_wasm_stack`` (512 KiB) ended a depth-first search of a 10,000-node path with
``wasm trap: wasm stack overflow`` where native Go (1 GB goroutine stacks) prints its answer. Guests now
run on threads of their own with a 64 MiB wasm stack (``sandboxes/go/_wasm.py``, ``sandboxes/_bigstack.py``).
"""

from __future__ import annotations

import pytest

import sandboxes
from tests.go.gohelp import policy, with_go

DFS = """package main

import (
    "bufio"
    "fmt"
    "os"
)

var adj [][]int
var depth []int

func dfs(u, d int) {
    depth[u] = d
    for _, v := range adj[u] {
        if depth[v] < 0 {
            dfs(v, d+1)
        }
    }
}

func main() {
    in := bufio.NewReader(os.Stdin)
    var n int
    fmt.Fscan(in, &n)
    adj = make([][]int, n)
    depth = make([]int, n)
    for i := 0; i < n-1; i++ {
        var a, b int
        fmt.Fscan(in, &a, &b)
        adj[a] = append(adj[a], b)
        adj[b] = append(adj[b], a)
    }
    for i := range depth {
        depth[i] = -1
    }
    dfs(0, 0)
    best := 0
    for _, d := range depth {
        if d > best {
            best = d
        }
    }
    fmt.Println(n, best)
}
"""


def _path(n: int) -> str:
    return f"{n}\n" + "".join(f"{i} {i + 1}\n" for i in range(n - 1))


@pytest.mark.parametrize("isolation", ["inprocess", "worker"])
def test_a_dfs_200000_deep_answers_as_native_go(isolation):
    pol = with_go(policy(), isolation=isolation)
    for n in (10_000, 200_000):
        r = sandboxes.run("go", DFS, stdin=_path(n), policy=pol, timeout=30)
        assert (r.status, r.exit_code, r.stdout, r.stderr) == ("ok", 0, f"{n} {n - 1}\n", "")


def test_deep_recursion_from_many_threads_at_once():
    """Each concurrent run gets a big-stack thread of its own (no run shares or waits for another's)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(6) as ex:
        rs = list(ex.map(lambda _: sandboxes.run("go", DFS, stdin=_path(50_000), policy=policy(), timeout=60),
                         range(6)))
    assert [(r.status, r.stdout) for r in rs] == [("ok", "50000 49999\n")] * 6
