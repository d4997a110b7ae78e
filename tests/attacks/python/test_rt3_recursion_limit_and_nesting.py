# Attack: raise the recursion limit (`sys.setrecursionlimit(10**6)`) and recurse, in Python code and through
# C recursion over deeply nested containers (repr, json.dumps, copy.deepcopy, ==, a recursive __repr__),
# to overflow the C stack of the host (segfault) or to keep the raised limit for the next run.
# Published: CPython "crashers" (deep nesting / recursion limits), pyjail DoS write-ups, and the
# RestrictedPython/smolagents advisories on resource exhaustion (GHSA 2025 "LocalPythonExecutor DoS").
import pytest

PYTHON_RECURSION = """
import sys
sys.setrecursionlimit(10**6)
print("limit", sys.getrecursionlimit())
def f(n):
    return f(n + 1)
f(0)
"""

NESTED = {
    "repr": "x = []\nfor i in range(200000):\n    x = [x]\nprint(len(repr(x)))",
    "json": "import json\nx = []\nfor i in range(200000):\n    x = [x]\nprint(len(json.dumps(x)))",
    "deepcopy": "import copy\nx = []\nfor i in range(200000):\n    x = [x]\nprint(copy.deepcopy(x) is x)",
    "equality": "x, y = [], []\nfor i in range(200000):\n    x, y = [x], [y]\nprint(x == y)",
    "dict-equality": "x, y = {}, {}\nfor i in range(200000):\n    x, y = {1: x}, {1: y}\nprint(x == y)",
    "own-repr": ("import sys\nsys.setrecursionlimit(10**6)\nclass A:\n    def __repr__(self):\n"
                 "        return repr([self.x])\na = A()\na.x = a\nprint(len(repr(a)))"),
}


def test_raised_recursion_limit_still_ends_in_recursion_error(fresh_guest):
    r = fresh_guest.run("import sys\nsys.setrecursionlimit(10**6)\nprint(sys.getrecursionlimit() < 10**6)")
    assert (str(r.status), r.stdout) == ("ok", "True\n"), r
    r = fresh_guest.run(PYTHON_RECURSION)
    fresh_guest.contained(r, {"error"})
    assert "RecursionError" in r.stderr, r.stderr
    fresh_guest.assert_next_run_clean()


@pytest.mark.parametrize("name", sorted(NESTED))
def test_c_recursion_over_nested_containers_is_bounded(guest, name):
    r = guest.run(NESTED[name], timeout=5.0, wall=30.0)
    guest.contained(r, {"error", "memory_limit", "timeout"})
    if str(r.status) == "error":
        assert "RecursionError" in r.stderr, r.stderr
