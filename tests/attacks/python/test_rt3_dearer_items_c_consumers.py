# Attack: a C consumer of a chunked iteration whose items get dearer as it goes -- `accumulate(lists,
# operator.add)`, `max()` over growing concatenations -- ran a whole 4096-item chunk between deadline checks,
# each item costing O(total so far): quadratic C work past the deadline, in-process.
# Published: this project's red team, round 3 (F3); the class is the C-loop DoS of in-process sandboxes
# (RestrictedPython/CodeJail timeout discussions: async exceptions and trace hooks only act between bytecodes).
# The fix: a chunk's size adapts to what its items cost (doubling while a chunk is quick, halving when not).
import subprocess
import sys

import pytest

PAYLOADS = [
    "import itertools, operator\nx = list(itertools.accumulate([[1] * 1000] * 3000, operator.add))\nprint('KEPT')",
    "import itertools, operator\nx = max(map(len, itertools.accumulate([[1] * 2000] * 3000, operator.add)))\nprint('KEPT')",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_dear_items_reach_a_check(guest, code):
    r = guest.run(code, timeout=1.0, memory_mb=256, wall=20.0)
    guest.contained(r, {"memory_limit", "timeout"}, forbidden=["KEPT"], max_wall=6.0)


ORDINARY = r"""
import itertools, operator
print(list(itertools.accumulate(range(10))), sum(itertools.chain(range(5000), range(3))),
      max(itertools.accumulate([[1]] * 50, operator.add), key=len)[:3], sorted(itertools.islice(itertools.count(), 9000))[-1])
"""


@pytest.fixture(scope="module")
def native_ordinary():
    return subprocess.run([sys.executable, "-c", ORDINARY], capture_output=True, text=True, timeout=60).stdout


def test_chunked_consumers_compute_what_cpython_computes(guest, native_ordinary):
    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native_ordinary), r.stderr
