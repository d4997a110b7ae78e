# Attack: the size guards live in the rewritten `*`, `**` and `<<` operators; the same operations as
# functions (operator.mul / pow / lshift / imul / concat, functools.reduce(operator.mul, ...)) are plain C
# calls with no guard, so sequences and integers beyond the policy's limits get built.
# Published: RestrictedPython's guarded `_inplacevar_`/operator discussions (a hook the embedder forgets
# disables the protection, ENGINE-NOTES); pyjail/DoS write-ups using operator functions to dodge AST checks.
import pytest

# Each builds something 3x over the policy's limits (max_sequence_items 10**7, max_int_digits 10**5), but
# small enough for the host to survive if it is built.
PAYLOADS = [
    "import operator\ns = operator.mul('a', 3 * 10 ** 7)\nprint('BUILT', len(s))",
    "import operator\nx = operator.pow(10, 300000)\nprint('BUILT', x.bit_length())",
    "import operator\nx = operator.lshift(1, 3 * 10 ** 6)\nprint('BUILT', x.bit_length())",
    "import operator\nl = operator.imul([0], 3 * 10 ** 7)\nprint('BUILT', len(l))",
    "import functools, operator\nx = functools.reduce(operator.mul, [10 ** 1000] * 300)\nprint('BUILT', x.bit_length())",
    "import math\nx = math.prod([10 ** 1000] * 300)\nprint('BUILT', x.bit_length())",
    "x = sum([[0] * 10 ** 6] * 30, [])\nprint('BUILT', len(x))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_operator_functions_respect_the_size_limits(guest, code):
    r = guest.run(code, timeout=1.0)
    guest.contained(r, {"memory_limit", "violation", "error", "timeout"}, forbidden=["BUILT"], max_wall=4.0)
