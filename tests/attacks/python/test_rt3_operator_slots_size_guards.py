# Attack: the size guards lived in the rewritten operators (`*`, `**`, `<<`) and `operator.*`; the same
# operations read as attributes -- the operator slots `a.__mul__(n)`, `list.__mul__(a, n)`, `(1).__lshift__(n)`,
# `(7).__pow__(n)`, `s.__rmul__(n)` (F2) -- and a repeat count that is not an int but has `__index__`
# (`[0] * G()`, F18), or a sequence type the guard did not list (array.array, deque, UserList), built
# hundreds of MB in one C call, status ok, in-process.
# Published: this project's red team, round 3 (F2, F18); the class is RestrictedPython's guarded-operator
# bypass through the dunder methods (its `_inplacevar_`/operator hooks only see the operator syntax).
# The fix decides by what the value is: an operator slot of a library type read as an attribute comes back
# as the checked slot; the count is converted once with __index__ before the check, as the interpreter does.
import subprocess
import sys

import pytest

PRE = "import array, collections, operator\nclass G:\n    def __index__(self):\n        return 3 * 10 ** 7\n"
# each is 3x over max_sequence_items (10**7) or max_int_digits (10**5), small enough for the host to survive
PAYLOADS = [
    "x = [1].__mul__(3 * 10 ** 7)",
    "x = list.__mul__([1] * 1000, 3 * 10 ** 4)",
    "x = 'ab'.__rmul__(3 * 10 ** 7)",
    "x = (1).__lshift__(3 * 10 ** 6)",
    "x = (10 ** 6).__rlshift__(1)",
    "x = (7).__pow__(4 * 10 ** 5)",
    "x = int.__pow__(7, 4 * 10 ** 5)",
    "x = getattr([0], '__mul__')(3 * 10 ** 7)",
    "x = [0].__class__.__mul__([0], 3 * 10 ** 7)",
    "x = collections.UserList([0]).__mul__(3 * 10 ** 7)",
    "x = collections.deque([0]).__mul__(3 * 10 ** 7)",
    "x = array.array('b', b'0') * (3 * 10 ** 7)",
    "x = [0] * G()",
    "x = 'a' * G()",
    "x = [0]\nx *= G()",
    "x = operator.mul([0], G())",
    "S = type('S', (str,), {'__len__': lambda self: 1})\nx = S('a' * 1000) * (3 * 10 ** 4)",
    "L = type('L', (list,), {'__len__': lambda self: 1})\nx = list.__mul__(L([0] * 1000), 3 * 10 ** 4)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_operator_slots_respect_the_size_limits(guest, code):
    r = guest.run(PRE + code + "\nprint('BUILT', len(x) if not isinstance(x, int) else x.bit_length())", timeout=2.0)
    guest.contained(r, {"memory_limit", "violation"}, forbidden=["BUILT"], max_wall=6.0)


ORDINARY = r"""
import collections
print([1, 2].__mul__(2), list.__mul__([1], 3), (3).__mul__("ab"), (2).__pow__(10), (2).__pow__(10, 7),
      (1).__lshift__(3), (3).__rlshift__(1), (2).__rpow__(3))
class H:
    def __index__(self): return 2
    def __rmul__(self, o): return "rmul"
class I:
    def __index__(self): return 2
print([1] * I(), [1] * H(), I() * "ab", "ab".__mul__(I()), collections.UserList([1]).__mul__(2),
      (1.5).__mul__(2), (2).__mul__(1.5), True * [1, 2], [1] * True)
try:
    "a".__mul__(1.5)
except TypeError as e:
    print(e)
class L(list):
    def __mul__(self, n): return "own"
y = [1]
y *= I()
print(L([1]) * 3, L([1]).__mul__(3), [1].__mul__.__name__, y)
"""


@pytest.fixture(scope="module")
def native_ordinary():
    return subprocess.run([sys.executable, "-c", ORDINARY], capture_output=True, text=True, timeout=60).stdout


def test_operator_slots_compute_what_cpython_computes(guest, native_ordinary):
    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native_ordinary), r.stderr
