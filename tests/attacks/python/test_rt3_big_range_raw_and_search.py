# Attack: the long-range stand-in compared `raw == other` with the program's object, whose reflected `__eq__`
# then received the raw `range` (a C consumer then walked 10**12 items with no tick: `deque(RAW, 0)`), and
# answered membership/count/index of a non-int with the range's linear C scan (`0.5 in range(10**9)`):
# in-process, the run held the host far past its deadline.
# Published: this project's red team, round 3 (F10); the classes are CPython bpo-43838 (a wrapper's
# comparison hands its hidden object to the reflected operand) and the C-loop timeouts of sandboxes whose
# watchdog only acts between bytecodes (RestrictedPython/CodeJail timeout discussions).
import subprocess
import sys

import pytest

PAYLOADS = [
    """
class Grab:
    def __eq__(self, other):
        global RAW
        RAW = other
        return False
range(10 ** 12) == Grab()
import collections
collections.deque(RAW, 0)
print("KEPT")
""",
    "print('KEPT', 0.5 in range(10 ** 10))",
    "print('KEPT', range(10 ** 10).count(0.5))",
    "print('KEPT', range(10 ** 10).index(0.5))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_long_ranges_stay_chunked(guest, code):
    r = guest.run(code, timeout=1.0, wall=15.0)
    guest.contained(r, {"timeout"}, forbidden=["KEPT"], max_wall=8.0)


ORDINARY = r"""
r = range(10 ** 12)
s = range(3, 3 + (1 << 22) + 5)  # long enough to be the sandbox's stand-in, short enough to scan once
print(1.0 in r, True in r, 10 ** 12 in r, r.index(3.0), r.index(True), s.count(7.0), r.count(7), r.count(-1),
      s.index(9.0))
print(r == range(0, 10 ** 12), r != range(5), r == r, range(10 ** 12) == range(10 ** 12), r == [1], r.index(10))
try:
    range(10 ** 12, 10 ** 12 - 5, -1).index(0.5)
except ValueError as e:
    print(e)
"""


@pytest.fixture(scope="module")
def native_ordinary():
    return subprocess.run([sys.executable, "-c", ORDINARY], capture_output=True, text=True, timeout=60).stdout


def test_long_ranges_compute_what_cpython_computes(guest, native_ordinary):
    r = guest.run(ORDINARY, timeout=10)
    assert (str(r.status), r.stdout) == ("ok", native_ordinary), r.stderr
