"""What a size guard says when it refuses: never that the memory limit was reached when it was not.

Size guards refuse, before C code allocates, results such as ``'x' * n``. The verdict is
``memory_limit`` only when the result alone could not fit in the run's memory limit (the message gives
both figures); a result that fits in memory but is over the policy's own cap is a ``size``
violation that names the key to raise. Under a raised cap the same program computes CPython's answer.
"""
from dataclasses import replace

import pytest

import sandboxes

from .native import native


def test_a_repetition_under_the_memory_limit_is_not_called_a_memory_limit(sb):
    r = sb.run("python", 'x = "B" * 50_000_000\nprint(len(x))')
    assert str(r.status) == "violation", r
    assert [v.kind for v in r.violations] == ["size"], r.violations
    assert "python.max_sequence_items (10000000)" in r.violations[0].detail, r.violations
    assert "memory" not in r.stderr.lower(), r.stderr


def test_a_repetition_over_the_memory_limit_says_how_much_it_needed(sb):
    r = sb.run("python", "x = 'x' * 10 ** 10")
    assert str(r.status) == "memory_limit", r
    assert "would need at least 9537 MiB, more than the run's memory limit of 512 MiB" in r.stderr, r.stderr


@pytest.mark.parametrize("isolation", ["inprocess", "worker"])
def test_with_a_higher_cap_the_program_computes_cpythons_answer(isolation):
    code = 'x = "B" * 50_000_000\nprint(len(x), x[-3:], len(x.encode()))'
    pol = sandboxes.default_policy()
    pol = replace(pol, python=replace(pol.python, isolation=isolation, max_sequence_items=100_000_000))
    with sandboxes.Sandbox(pol) as sb:
        r = sb.run("python", code, timeout=10)
    assert (str(r.status), r.stdout) == ("ok", native(code)[0]), r.stderr


@pytest.mark.parametrize("code,key", [
    ("x = 3 ** 10 ** 6", "python.max_int_digits"),
    ("import math\nx = math.factorial(10 ** 6)", "python.max_int_digits"),
    ("x = 'a'.ljust(10 ** 8)", "python.max_sequence_items"),
    ("x = sum([[0] * 10 ** 6] * 20, [])", "python.max_sequence_items"),
])
def test_other_size_guards_name_their_key(sb, code, key):
    r = sb.run("python", code, timeout=5)
    assert str(r.status) == "violation", r
    assert [v.kind for v in r.violations] == ["size"] and key in r.violations[0].detail, r.violations


def test_a_memory_error_the_program_raises_is_its_error_not_the_memory_limit(sb):
    code = "raise MemoryError('not really')"
    r = sb.run("python", code)
    assert str(r.status) == "error", r
    assert r.stderr.endswith("MemoryError: not really\n") and native(code)[1].endswith("MemoryError: not really\n")
    # an allocation that fails is the limit, re-raised or not
    for code in ("x = bytearray(10 ** 13)", "try:\n    x = bytearray(10 ** 13)\nexcept MemoryError:\n    raise"):
        r = sb.run("python", code)
        assert str(r.status) == "memory_limit", (code, r)
