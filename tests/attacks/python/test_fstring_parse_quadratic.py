# Tries: make the host spend minutes parsing one f-string. CPython 3.11's parser handles an
# f-string's replacement fields after tokenizing the whole literal, and locating each field
# searches the literal again (fstring_find_expr_location / fstring_fix_expr in Parser/string_parser.c;
# PEP 701 replaced this parser in 3.12), so `f'{a}{a}{a}...'` costs the square of its length:
# measured 0.16 s at 30 KB, 1.2 s at 120 KB and 82 s with 666 MB of host memory at 1 MiB (the
# default max_code_bytes). `compile_guest` calls `ast.parse` before any deadline exists:
# `Sandbox.check()` runs it in the host process whatever the isolation, and with `isolation:
# inprocess` `run()` does too (the watchdog is armed only after compiling). The worker-isolated
# `run()` is stopped at its deadline.
# Published: CWE-407 "Inefficient Algorithmic Complexity"; CPython's own parser DoS reports
# (gh-issues on quadratic/exponential parsing of crafted sources, e.g. bpo-46110 "recursion in the
# parser", CVE-2022-45061-style quadratic input handling), PEP 701 (f-strings in the grammar).

import sandboxes
from tests.childproc import json_child

MAX = sandboxes.default_policy().python.limits.max_code_bytes
N = (MAX - 6) // 3
BOUND_S = 2.0

CHILD = r'''
import dataclasses, json, sys, time
from sandboxes import Sandbox, default_policy
n = int(sys.argv[2])
src = "x=f'" + "{a}" * n + "'"
p = default_policy()
if sys.argv[1] == "inprocess-run":
    p = dataclasses.replace(p, python=dataclasses.replace(p.python, isolation="inprocess"))
with Sandbox(p) as sb:
    t0 = time.monotonic()
    if sys.argv[1] == "check":
        out = [str(v) for v in sb.check("python", src)]
    else:
        out = sb.run("python", src, timeout=2).status.value
    print(json.dumps([out, time.monotonic() - t0]))
'''


def _child(mode: str) -> tuple[object, float]:
    return json_child(CHILD, mode, N, timeout=BOUND_S + 8, what=f"{mode}: parsing a {3 * N} byte f-string")


def test_check_of_a_max_size_fstring_is_bounded():
    _violations, seconds = _child("check")
    assert seconds < BOUND_S, seconds


def test_inprocess_run_respects_the_deadline():
    status, seconds = _child("inprocess-run")
    assert status in ("ok", "timeout", "violation", "compile_error", "error"), status
    assert seconds < 3.0, (status, seconds)


def test_worker_run_respects_the_deadline():
    status, seconds = _child("run")
    assert status in ("ok", "timeout", "violation", "compile_error", "error"), status
    assert seconds < 3.5, (status, seconds)
