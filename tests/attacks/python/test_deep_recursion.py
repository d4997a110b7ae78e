# Attack: exhaust the C stack or the recursion limit: plain recursion, raising the limit with
# sys.setrecursionlimit, recursion through __repr__/__eq__/__hash__, deeply nested data through repr/json,
# and a deeply nested expression in the source (parser / compiler recursion).
# Published: CPython crashes with deep recursion (bpo-38971, gh-94262 family); pyjail write-ups that crash
# the judge; this project's brief (deep recursion).
import pytest

PAYLOADS = [
    ("def f(n):\n    return f(n + 1)\nf(0)", {"error"}),
    ("import sys\nsys.setrecursionlimit(10 ** 6)\ndef f(n):\n    return f(n + 1)\nf(0)", {"error"}),
    ("class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())", {"error"}),
    ("class A:\n    def __eq__(self, o):\n        return self == o\nA() == A()", {"error"}),
    ("x = []\nfor _ in range(10 ** 6):\n    x = [x]\nprint(repr(x)[:10])", {"error", "ok", "timeout"}),
    ("import json\nx = []\nfor _ in range(10 ** 6):\n    x = [x]\nprint(json.dumps(x)[:10])", {"error", "timeout"}),
    ("print(eval('(' * 100000 + ')' * 100000))", {"error", "violation"}),
    ("x = " + "-" * 200000 + "1", {"compile_error", "violation", "error"}),
    ("import copy\nx = []\nfor _ in range(10 ** 5):\n    x = [x]\ncopy.deepcopy(x)", {"error", "timeout"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_recursion_ends_in_an_error_not_a_crash(guest, code, statuses):
    r = guest.run(code, timeout=2.0)
    guest.contained(r, statuses, max_wall=8.0)
    assert "Segmentation" not in r.stderr and "crashed" not in r.stderr, r.stderr
