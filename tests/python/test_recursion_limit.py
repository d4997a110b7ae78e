"""sys.setrecursionlimit in the sandbox: enforced, and clamped to python.max_recursion_depth.

A program may ask for any limit; above the policy's maximum it gets the maximum, and
``getrecursionlimit()`` says so (the limit reported is the limit enforced). Recursing deeper than
the limit in force raises CPython's RecursionError, never crashes, and the next run starts from the
policy's maximum again.
"""
from dataclasses import replace

import pytest

import sandboxes

DEEP = """
import sys
sys.setrecursionlimit({ask})
print(sys.getrecursionlimit())
def down(n):
    return n if n == 0 else down(n - 1)
for depth in ({ok}, {too_deep}):
    try:
        print(depth, down(depth))
    except RecursionError as e:
        print(depth, 'RecursionError', e)
"""


def _sandbox(isolation, max_depth):
    pol = sandboxes.default_policy()
    return sandboxes.Sandbox(replace(pol, python=replace(pol.python, isolation=isolation,
                                                         max_recursion_depth=max_depth)))


@pytest.mark.parametrize("isolation", ["inprocess", "worker"])
def test_a_limit_above_the_maximum_is_clamped_and_enforced(isolation):
    with _sandbox(isolation, 300) as sb:
        r = sb.run("python", DEEP.format(ask=10 ** 6, ok=250, too_deep=400))
        assert (str(r.status), r.stdout) == ("ok", "300\n250 0\n400 RecursionError maximum recursion depth "
                                                   "exceeded\n"), r.stderr
        # the next run starts from the policy's maximum, not from what the last one set
        r = sb.run("python", "import sys\nprint(sys.getrecursionlimit())\nsys.setrecursionlimit(60)")
        r = sb.run("python", DEEP.format(ask=300, ok=280, too_deep=320))
        assert r.stdout == "300\n280 0\n320 RecursionError maximum recursion depth exceeded\n", r.stderr


def test_the_default_maximum_is_enforced_in_a_worker(worker):
    # In a worker child the interpreter's own limit is the program's: 10**6 asked, 1000 given.
    r = worker.run("python", DEEP.format(ask=10 ** 6, ok=900, too_deep=5000))
    assert (str(r.status), r.stdout) == ("ok", "1000\n900 0\n5000 RecursionError maximum recursion depth "
                                               "exceeded\n"), r.stderr


def test_uncaught_recursion_error_is_an_error_with_a_folded_traceback(sb):
    r = sb.run("python", "import sys\nsys.setrecursionlimit(120)\ndef f(n):\n    return f(n + 1)\nf(0)")
    assert str(r.status) == "error", r
    assert r.stderr.endswith("RecursionError: maximum recursion depth exceeded\n"), r.stderr
    assert "[Previous line repeated" in r.stderr and r.stderr.count("\n") < 20, r.stderr


def test_inprocess_a_host_with_a_higher_limit_does_not_lend_it(no_gc_callbacks):
    import sys

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 5000))
    try:
        with _sandbox("inprocess", 300) as sb:
            code = ("def down(n):\n    return n if n == 0 else down(n - 1)\nprint(down(250))\n"
                    "try:\n    down(2000)\nexcept RecursionError as e:\n    print('RecursionError', e)")
            r = sb.run("python", code)
        assert (str(r.status), r.stdout) == ("ok", "0\nRecursionError maximum recursion depth exceeded\n"), r.stderr
        assert sys.getrecursionlimit() == max(old, 5000)  # the host's own limit is untouched
    finally:
        sys.setrecursionlimit(old)
