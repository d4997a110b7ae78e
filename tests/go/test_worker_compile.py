"""The module compiler's child process works inside the confined Go worker (isolation: worker).

The worker's seccomp filter kills a process that opens a socket; a child whose ``site`` looked up
the user in the passwd database (no HOME) opened one to nscd and died of SIGSYS."""

import time

import sandboxes
from tests.go.gohelp import policy, with_go


def test_a_new_program_compiles_and_runs_in_the_go_worker():
    pol = with_go(policy(), isolation="worker")
    src = f'package main\n\nimport "fmt"\n\nfunc main() {{ fmt.Println("worker {time.time_ns()}") }}\n'
    with sandboxes.Sandbox(pol) as sb:
        r = sb.run("go", src)
        assert r.status == "ok" and r.stdout.startswith("worker "), (r.status, r.stderr)
        assert "process" in r.isolation and r.extra["cache"] == "miss"
        again = sb.run("go", src)
        assert again.status == "ok" and again.extra["cache"] == "memory"
