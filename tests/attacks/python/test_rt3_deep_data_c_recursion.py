# Found by our own red team, round 3 (F8): C recursion without a depth check over data the program
# nests deeply -- `hash()` of a 300 000-deep tuple (tuplehash calls PyObject_Hash of its items; also
# `{x}`, `d[x] = 1`), `next()` of a map of a map of ... -- overflowed the 8 MiB stack of the host's
# thread: the HOST process died with SIGSEGV in-process. The fix: the program runs on a thread of its
# own whose C stack is several times what the run may grow by, so data deep enough to overflow it is
# over memory_mb first. Each mode runs in a child process here, so that a crash fails the test
# instead of killing the test process.
import json
import subprocess
import sys

import pytest

from .conftest import MODES

PROGRAMS = {
    "hash": "x = ()\nfor i in range(300000):\n    x = (x,)\nprint(hash(x))",
    "set": "x = ()\nfor i in range(300000):\n    x = (x, i)\ns = {x}\nd = {x: 1}\nprint(len(s), d[x], x in s)",
    "map": "y = iter([3, -4])\nfor i in range(300000):\n    y = map(abs, y)\nprint(list(y))",
    "zip": "y = iter('ab')\nfor i in range(500000):\n    y = zip(y)\nt = next(y)\nprint(type(t).__name__, len(t))",
}
GROWING = "x = ()\nwhile True:\n    for i in range(1000000):\n        x = (x,)\n    print(hash(x) != 0)"

CHILD = r"""
import dataclasses, json, sys
from sandboxes import Sandbox, default_policy
mode, programs = sys.argv[1], json.loads(sys.argv[2])
pol = default_policy()
pol = dataclasses.replace(pol, python=dataclasses.replace(pol.python, isolation=mode))
out = {}
with Sandbox(pol) as sb:
    for name, code in programs.items():
        r = sb.run("python", code, timeout=20, memory_mb=256)
        out[name] = [str(r.status), r.stdout, r.stderr[-300:]]
print(json.dumps(out))
"""


def _native(code: str) -> str:
    """What CPython prints, on a thread whose stack is large enough (the main thread's crashes too)."""
    script = ("import threading, io, contextlib\nthreading.stack_size(1 << 28)\nbuf = io.StringIO()\n"
              f"def main():\n    with contextlib.redirect_stdout(buf):\n        exec({code!r}, {{}})\n"
              "t = threading.Thread(target=main)\nt.start()\nt.join()\nprint(buf.getvalue(), end='')")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120).stdout


@pytest.fixture(scope="module")
def native():
    return {name: _native(code) for name, code in PROGRAMS.items()}


@pytest.mark.parametrize("mode", MODES)
def test_deep_data_never_crashes_the_host(mode, native):
    programs = {**PROGRAMS, "growing": GROWING}
    p = subprocess.run([sys.executable, "-c", CHILD, mode, json.dumps(programs)], capture_output=True, text=True,
                       timeout=600)
    assert p.returncode == 0, f"[{mode}] the host process died: rc {p.returncode}\n{p.stderr[-2000:]}"
    got = json.loads(p.stdout)
    status, _, err = got.pop("growing")
    # in a worker child, the 8 MiB stack of its main thread may overflow first: a crash, a Result
    assert status in ({"memory_limit"} if mode == "inprocess" else {"memory_limit", "error"}), (mode, status, err)
    for name, (status, stdout, err) in got.items():
        if mode == "inprocess":  # the program computes what CPython computes on a large enough stack
            assert (status, stdout) == ("ok", native[name]), (name, status, err)
            assert native[name], name
        else:  # the worker child's main thread keeps its 8 MiB stack: a crash is a Result
            assert (status, stdout) in {("ok", native[name]), ("error", "")}, (name, status, err)
