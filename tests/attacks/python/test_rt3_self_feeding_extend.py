# Found by our own red team, round 3 (F15): a list extended from an iterator over itself
# (`l.extend(iter(l))`, `l.extend(map(int, l))`, filter/zip/enumerate over l) is one C loop that
# never returns to the interpreter: in-process it held the host for 30-60 s past a 2 s timeout and grew
# by gigabytes under memory_mb (until the host's OOM killer). The fix, at the consumer: `extend` of a
# list, deque or bytearray (and `__iadd__` read as an attribute), bound or unbound, however reached,
# feeds an argument that is not a container through the run's chunked iteration, so the memory and deadline checks run while it grows.
# The iterators themselves stay CPython's (`type(iter([]))` is list_iterator).
import subprocess
import sys

import pytest

PAYLOADS = [
    "l = [1]\nl.extend(iter(l))\nprint('KEPT')",
    "l = [1]\nl.extend(map(int, l))\nprint('KEPT')",
    "l = [1, 2]\nlist.extend(l, filter(None, l))\nprint('KEPT')",
    "l = [1]\ngetattr(l, 'extend')(zip(l))\nprint('KEPT')",
    "class L(list):\n    def grow(self):\n        super().extend(enumerate(self))\nL([1]).grow()\nprint('KEPT')",
    "l = ['a']\nl.extend(x.upper() for x in l)\nprint('KEPT')",  # guest code: ticks anyway
    "l = [1]\nl.__iadd__(map(int, l))\nprint('KEPT')",
    "l = [1]\nlist.__iadd__(l, iter(l))\nprint('KEPT')",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_self_feeding_extend_is_stopped(guest, code):
    r = guest.run(code, timeout=2.0, memory_mb=256, wall=30.0)
    # a worker child may also abort when RLIMIT_AS refuses CPython an allocation: a crash is a Result
    statuses = {"memory_limit", "timeout"} | ({"error"} if guest.mode == "worker" else set())
    guest.contained(r, statuses, forbidden=["KEPT"], max_wall=12.0)


ORDINARY = r"""
import collections
l = [1, 2]
l.extend(iter([3, 4])); l.extend(map(str, range(3))); l.extend(l); l.extend({'k': 1}); l.extend(x for x in 'ab')
list.extend(l, range(2)); l.extend(zip('xy', 'zw')); print(l.__iadd__(iter([5])) is l, list.__iadd__(l, [6])[-2:])
print(l, type(iter([])).__name__, type(iter(l)) is type(iter([])), l.extend.__name__)
d = collections.deque([1]); d.extend(iter([2, 3])); d.extendleft(map(abs, [-4, -5])); d.extend(d)
print(d)
b = bytearray(b'ab'); b.extend(iter(b'cd')); b.extend(b); b.extend(map(ord, 'e')); bytearray.extend(b, [102])
print(b)
try:
    d.extend(iter(d))
except RuntimeError as e:
    print('RuntimeError', e)
b2 = bytearray(b'xy'); b2.extend(iter(b2)); print(b2)
def boom():
    yield 1
    raise ValueError('mid-way')
try:
    l.extend(boom())
except ValueError as e:
    print('ValueError', e, l[-1])
for bad in (1, None):
    try:
        [].extend(bad)
    except TypeError as e:
        print('TypeError', e)
"""


@pytest.fixture(scope="module")
def native_ordinary():
    return subprocess.run([sys.executable, "-c", ORDINARY], capture_output=True, text=True, timeout=60).stdout


def test_extend_computes_what_cpython_computes(guest, native_ordinary):
    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native_ordinary), r.stderr
