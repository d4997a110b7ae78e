# Attack: grow memory with nested/comprehension structures no single operator sees as large:
# a 10**4 x 10**4 comprehension, doubling a list in a loop with append/extend, a dict bomb, string growth
# by concatenation, a self-referencing nest `a = [a, a]` (cheap: must just work).
# Published: Python sandbox DoS write-ups ("[[0]*10**4 for _ in range(10**4)]"); CodeJail/EvalBox memory
# limit discussions; this project's brief (nested list bombs).
import pytest

PAYLOADS = [
    "x = [[0] * 10 ** 4 for _ in range(10 ** 4)]",
    "x = [0]\nwhile True:\n    x.extend(x)",
    "x = {}\ni = 0\nwhile True:\n    x[i] = [i] * 100\n    i += 1",
    "s = 'x'\nwhile True:\n    s = s + s",
    "x = []\nwhile True:\n    x.append(bytearray(10 ** 6))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_memory_growth_is_stopped(guest, code):
    r = guest.run(code + "\nprint('DONE')", timeout=2.0)
    guest.contained(r, {"memory_limit", "timeout"}, forbidden=["DONE"], max_wall=6.0)


def test_self_referencing_nest_is_cheap_and_fine(guest):
    r = guest.run("a = []\nfor _ in range(100000):\n    a = [a, a]\nprint('ok')")
    guest.contained(r, {"ok"})


def test_the_run_after_bombs_is_not_slowed_down(guest):
    # A stopped run's objects must not stay behind for the next run to pay for (in-process, the run's
    # globals sit in a reference cycle, so millions of objects wait for the cyclic GC).
    for _ in range(3):
        guest.run("x = {}\ni = 0\nwhile True:\n    x[i] = [i] * 100\n    i += 1", timeout=2.0)
    r = guest.run("a = []\nfor _ in range(100000):\n    a = [a, a]\nprint('ok')")
    guest.contained(r, {"ok"})
