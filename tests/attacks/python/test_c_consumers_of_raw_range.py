# Attack: keep a run alive past its deadline with a loop that never leaves C, fed by the plain `range`
# builtin (or a `map` over it) instead of an itertools iterator. Only sum/min/max/sorted/any/all and the
# itertools facade are chunked; every other C consumer of an iterable walks a raw range to the end
# without a tick, and the in-process watchdog's async exception is only seen between bytecodes:
# collections.deque(range(n), 0), functools.reduce(operator.add, range(n)), operator.countOf,
# heapq.nlargest, math.fsum, statistics.fmean, `x in map(abs, range(n))`.
# Published: RestrictedPython/CodeJail timeout discussions (C loops do not return to the eval loop, so
# signal- or trace-based timeouts do not fire); CPython docs of PyThreadState_SetAsyncExc ("the exception
# is raised the next time the thread executes bytecode").
import pytest

# Sizes chosen so each loop runs for several seconds in C (far past the 1 s deadline) but ends on its own
# within a minute, so a failing test does not leave a thread spinning for the rest of the session.
PAYLOADS = [
    "import collections\ncollections.deque(range(2 * 10 ** 9), 0)\nprint('KEPT')",
    "import functools, operator\nprint('KEPT', functools.reduce(operator.add, range(3 * 10 ** 8)))",
    "import operator\nprint('KEPT', operator.countOf(range(6 * 10 ** 8), -1))",
    "import heapq\nprint('KEPT', heapq.nlargest(1, range(3 * 10 ** 8)))",
    "import math\nprint('KEPT', math.fsum(range(3 * 10 ** 8)))",
    "print('KEPT', -1 in map(abs, range(3 * 10 ** 8)))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_c_consumers_of_range_end_at_the_deadline(guest, code):
    r = guest.run(code, timeout=1.0, wall=60.0)
    guest.contained(r, {"timeout", "memory_limit"}, forbidden=["KEPT"], max_wall=4.0)


def test_small_ranges_in_c_consumers_still_work(guest):
    code = ("import collections, functools, operator, heapq, math\n"
            "print(len(collections.deque(range(10), 3)), functools.reduce(operator.add, range(5)), "
            "operator.countOf(range(9), 3), heapq.nlargest(2, range(9)), math.fsum(range(4)), 3 in map(abs, range(5)))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "3 10 1 [8, 7] 6.0 True\n"), r
