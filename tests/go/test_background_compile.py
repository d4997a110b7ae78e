"""The optimizing recompile of a hot program runs in a bounded child process and never holds up exit."""

from __future__ import annotations

import json
import os
import time

from tests.go.gohelp import child
from tests.go.test_budgets import _compile_children

HOT = """
import json, sys, threading, time, sandboxes
from sandboxes.go._runtime import GoRuntime
from sandboxes.policy import default_policy
# Hot after one run, by count: the CPU a run takes depends on the machine (a fast one ran this
# loop in under UPGRADE_SECONDS and never started the recompile the test is about).
GoRuntime.UPGRADE_RUNS = 1
pkgs = sorted(default_policy().go.packages)
imports = "".join(f'\\t_ "{p}"\\n' for p in pkgs if p != "fmt")
src = ('package main\\n\\nimport (\\n\\t"fmt"\\n' + imports + ')\\n\\nfunc main() {\\n\\tvar s uint64\\n'
       '\\tfor i := uint64(0); i < 1000000; i++ {\\n\\t\\ts += i ^ (i >> 3)\\n\\t}\\n'
       '\\tfmt.Println(s, %d)\\n}\\n' % time.time_ns())
r = sandboxes.run("go", src, timeout=30)
assert r.status.value == "ok", r.stderr
upgrading = [t.name for t in threading.enumerate() if t.name == "sandboxes-go-optimize"]
print(json.dumps({"pid": __import__("os").getpid(), "upgrading": upgrading, "t": time.time()}), flush=True)
"""


def test_a_background_recompile_does_not_keep_the_process_alive():
    p = child(HOT, timeout=300)
    ended = time.time()
    assert p.returncode == 0, p.stderr[-2000:]
    info = json.loads(p.stdout.strip().splitlines()[-1])
    assert info["upgrading"], "the run was not hot enough to start an optimized recompile"
    # The optimized compile of this 3 MB module takes seconds; exiting does not wait for it.
    assert ended - info["t"] < 4.0, f"the process took {ended - info['t']:.1f} s to exit after its last run"
    give_up = time.monotonic() + 5.0  # the kill is immediate; a loaded machine may schedule it late
    while _compile_children(info["pid"]) and time.monotonic() < give_up:
        time.sleep(0.1)
    assert _compile_children(info["pid"]) == []  # killed at exit (and by its parent-death signal)
    assert not os.path.exists(f"/proc/{info['pid']}")
