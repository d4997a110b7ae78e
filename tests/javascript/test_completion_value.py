"""The script's completion value never crosses to the host (issue 12, item 7).

mini-racer converts whatever an eval returns; the last expression of a guest's script was that
value. Values Python cannot hold (an invalid Date, a Date past year 9999, a lone surrogate, a
BigInt) killed the worker or ended in an internal error, and a 100 MB string was copied out
(0.5 s of a run that took 0 ms in the guest).
"""

import time

import pytest

HOSTILE_COMPLETIONS = [
    "new Date(NaN)",
    "new Date(8.64e15)",  # +275760-09-13: past Python's datetime
    "new Date('+010000-01-01T00:00:00Z')",
    "'\\ud800'",
    "'a\\udc00b'",
    "2n ** 64n",
    "-(2n ** 200n)",
    "Symbol('s')",
    "new Proxy({}, { get() { throw new Error('trap') } })",
    "(function f() {})",
    "new Uint8Array(4).buffer",
]


@pytest.mark.parametrize("expr", HOSTILE_COMPLETIONS)
def test_completion_value_is_never_converted(js_both, expr):
    r = js_both(f"console.log('before');\n{expr}")
    assert r.status == "ok", r.stderr
    assert r.stdout == "before\n"
    assert r.stderr == ""


def test_worker_survives_hostile_completions(js):
    """The worker that ran them is the one that runs the next program (no crash, no respawn)."""
    for expr in HOSTILE_COMPLETIONS:
        assert js(expr).status == "ok"
    r = js("console.log(6 * 7)")
    assert (r.status, r.stdout) == ("ok", "42\n")


def test_huge_string_completion_is_not_copied_out(js_both):
    start = time.monotonic()
    r = js_both("'B'.repeat(1e8)")
    assert r.status == "ok", r.stderr
    # The guest spends no time on it (a rope); copying it out took 0.5 s. Generous bound.
    assert time.monotonic() - start < 0.4


@pytest.mark.parametrize("code, expected", [
    ("if (a)", "SyntaxError: Unexpected end of input"),
    ("x = 1 +", "SyntaxError: Unexpected end of input"),
    ("label:", "SyntaxError: Unexpected end of input"),
    ("while (true)", "SyntaxError: Unexpected end of input"),
    ("foo(", "SyntaxError: Unexpected end of input"),
    ("a.", "SyntaxError: Unexpected end of input"),
])
def test_incomplete_code_stays_a_syntax_error(js_both, code, expected):
    """The suffix that discards the completion value never completes code left open."""
    r = js_both(code)
    assert r.status == "compile_error"
    assert expected in r.stderr
    assert "const" not in r.stderr


@pytest.mark.parametrize("code, stdout", [
    ("var let = 1; let\n;console.log(let)\nlet", "1\n"),
    ("console.log(1) // a comment at the end", "1\n"),
    ("'use strict'\nconsole.log(typeof this)", "object\n"),
    ("const o = {}\nconsole.log(Object.keys(globalThis).length >= 0)", "true\n"),
    ("do {} while (false) console.log('asi')", "asi\n"),
])
def test_valid_code_keeps_its_meaning(js_both, code, stdout):
    r = js_both(code)
    assert (r.status, r.stdout) == ("ok", stdout), r.stderr
