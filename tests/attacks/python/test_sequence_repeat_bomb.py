# Attack: sequence memory bombs: 'x' * 10**10, [0] * 10**10, b'x' * huge, x *= huge, repetition with the
# operands swapped, repetition of a subclass of str/list, and tuple/bytes variants.
# Published: RestrictedPython "guarded_mul" / memory exhaustion issues; DoS sections of pyjail write-ups;
# this project's brief.
import pytest

PAYLOADS = [
    "x = 'x' * 10 ** 10",
    "x = 10 ** 10 * 'x'",
    "x = [0] * 10 ** 10",
    "x = b'x' * 10 ** 10",
    "x = (0,) * 10 ** 10",
    "x = [0]\nx *= 10 ** 10",
    "x = 'ab'\nx *= 10 ** 9",
    "class S(str):\n    pass\nx = S('x') * 10 ** 10",
    "class L(list):\n    pass\nx = L([1]) * 10 ** 10",
    "x = bytearray(b'x') * 10 ** 10",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_huge_repetitions_are_refused(guest, code):
    r = guest.run(code + "\nprint('BUILT')", timeout=1.0)
    guest.contained(r, {"memory_limit"}, forbidden=["BUILT"], max_wall=4.0)
