# Attack: huge integer results computed inside one C call: math.factorial(10**9), factorial(10**6)
# (under the per-argument bound, but about ten seconds of C and a 5.5-million-digit result), math.comb,
# math.perm, math.lcm/gcd over huge values.
# Published: Python sandbox DoS write-ups ("math.factorial(10**9)"); this project's brief.
import pytest

PAYLOADS = [
    "import math\nprint(math.factorial(10 ** 9))",
    "import math\nx = math.comb(10 ** 9, 5 * 10 ** 8)",
    "import math\nx = math.perm(10 ** 9)",
    "import math\nx = math.factorial(10 ** 6)\nprint('BUILT')",
    "import math\nx = math.comb(2 * 10 ** 6, 10 ** 6)\nprint('BUILT')",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_factorial_family_is_bounded(guest, code):
    # In-process the C call cannot be interrupted, so the policy has to refuse it up front: a result of
    # millions of digits is far over max_int_digits (100000): a `size` violation, or memory_limit when the
    # result could not fit in the run's memory at all.
    r = guest.run(code, timeout=1.0, wall=40.0)
    guest.contained(r, {"memory_limit", "timeout", "violation"}, forbidden=["BUILT"], max_wall=3.0)
    if str(r.status) == "violation":
        assert [v.kind for v in r.violations] == ["size"] and "python.max_int_digits" in r.violations[0].detail
