# Attack: integer memory/CPU bombs: 10**10**9, pow(10, 10**9), 1 << 10**10, x **= huge, int('9' * huge),
# str(huge int) (quadratic conversion), math.pow-free big-int chains.
# Published: CPython CVE-2020-10735 (int<->str quadratic conversion, the reason for
# sys.set_int_max_str_digits); RestrictedPython "default_guarded_pow" discussions; this project's brief.
import pytest

PAYLOADS = [
    "print(10 ** 10 ** 9)",
    "x = pow(10, 10 ** 9)",
    "x = 1 << 10 ** 10",
    "x = 7\nx **= 10 ** 9",
    "x = 3\nx <<= 10 ** 10",
    "x = 10 ** 100000\ny = x * x * x * x * x * x * x * x",
    "x = 2\nfor _ in range(64):\n    x = x * x",
    "f = pow\nprint(f(2, 10 ** 10))",
    "import math\nprint(math.pow(10, 10 ** 9))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_huge_integers_are_stopped(guest, code):
    r = guest.run(code, timeout=1.0)
    guest.contained(r, {"memory_limit", "timeout", "error", "violation"}, max_wall=4.0)
    if str(r.status) == "violation":  # the size guard: the policy's cap, named
        assert [v.kind for v in r.violations] == ["size"] and "python.max_int_digits" in r.violations[0].detail


def test_int_str_conversion_is_bounded(guest):
    r = guest.run("s = '9' * 200000\nprint(len(str(int(s))))", timeout=1.0)
    guest.contained(r, {"error", "memory_limit", "violation"}, max_wall=4.0)
