"""V8's first initialisation in a process, raced from several threads (issue: the README's test command segfaulted).

mini-racer initialises V8 on the first context of a process, and that is not thread-safe: two
threads creating their first context at once crashed the process in about 2 runs of 5, and
``sandboxes.check('javascript', ...)`` raced its own context pool's thread every time. Each probe
below is a fresh interpreter whose threads all exist *before* V8 is initialised (as a server's
request threads do) and then make their first JavaScript call at the same moment.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from tests.childproc import ROOT

PROBE = r"""
import dataclasses, sys, threading
import sandboxes
from sandboxes import Sandbox, default_policy

pol = default_policy()
inproc = Sandbox(dataclasses.replace(pol, javascript=dataclasses.replace(pol.javascript, isolation="inprocess")))
n = 6
barrier = threading.Barrier(n)
failures = []

def first_call(i):
    try:
        barrier.wait()
        if i % 3 == 0:
            assert sandboxes.check("javascript", "let x = 1;") == []
        elif i % 3 == 1:
            r = inproc.run("javascript", "console.log(6 * 7)")
            assert (r.status, r.stdout) == ("ok", "42\n"), r
        else:
            assert inproc.check("javascript", "let y = ;")[0].kind == "syntax"
    except BaseException as e:
        failures.append(f"thread {i}: {e!r}")

threads = [threading.Thread(target=first_call, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
inproc.close()
print("FAIL" if failures else "OK", failures)
sys.exit(1 if failures else 0)
"""


def _probe(_: int) -> tuple[int, str]:
    try:
        p = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return -1, "still running after 120 s"
    return p.returncode, (p.stdout + p.stderr)[-1500:]


def test_first_javascript_calls_from_several_threads_never_crash_the_process():
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(_probe, range(30)))
    bad = [(rc, text) for rc, text in outcomes if rc != 0]
    assert not bad, f"{len(bad)} of 30 fresh processes failed; first: exit {bad[0][0]}\n{bad[0][1]}"


def test_v8_is_ready_before_a_pool_thread_exists():
    """A context pool initialises V8 on the caller's thread before it starts its own thread."""
    code = (
        "import threading\n"
        "from sandboxes.javascript import _engine\n"
        "assert not _engine._v8_ready\n"
        "pool = _engine.ContextPool(1, allow_wasm=False, allow_shared_memory=False, max_output_bytes=1024, memory_mb=64)\n"
        "assert _engine._v8_ready\n"
        "ctx = pool.acquire(); pool.release(ctx); pool.close()\n"
        "print('OK')\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and p.stdout.strip() == "OK", p.stderr[-1500:]
