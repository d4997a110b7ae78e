# Tries: make the host-side import scanner (a Python tokenizer run over the guest's source before
# V8 sees it) take quadratic time: after `(` a slash may start a regular expression literal, and
# `/[` opens a character class that never closes, so each of the n slashes of `(/[(/[(/[...` makes
# the _REGEX pattern scan to the end of the line before it fails. 180 KB of source is minutes of
# CPU (1 MiB, the default max_code_bytes, is hours); the word "import" anywhere (here in a
# comment) defeats the scanner's fast path. The scan runs before any deadline exists: in
# `Sandbox.check()` it runs in the host process whatever the isolation, and with `isolation:
# inprocess` also in `run()`.
# Published: OWASP "Regular expression Denial of Service - ReDoS"; CWE-1333 (inefficient regular
# expression complexity) and CWE-407 (inefficient algorithmic complexity); the regexp-vs-division
# ambiguity every hand-written JavaScript tokenizer has to resolve.
import time

from tests.childproc import json_child

SOURCE = "(/[" * 60000 + "\n// import\n"  # 180 KB, well under max_code_bytes
BOUND_S = 4.0

CHILD = r'''
import dataclasses, json, sys, time
from sandboxes import Sandbox, default_policy
src = "(/[" * 60000 + "\n// import\n"
p = default_policy()
if sys.argv[1] == "inprocess-run":
    p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess"))
with Sandbox(p) as sb:
    t0 = time.monotonic()
    if sys.argv[1] == "check":
        out = [str(v) for v in sb.check("js", src)]
    else:
        out = sb.run("js", src).status
    print(json.dumps([out, time.monotonic() - t0]))
'''


def _child(mode: str) -> tuple[object, float]:
    return json_child(CHILD, mode, timeout=BOUND_S + 2, what=f"{mode}: scanning {len(SOURCE)} bytes of source")


def test_worker_run_is_stopped_at_the_deadline(js, assert_clean):
    t0 = time.monotonic()
    r = js(SOURCE)
    elapsed = time.monotonic() - t0
    assert r.status in ("violation", "timeout", "compile_error"), r.status
    assert elapsed < 3.5, elapsed
    assert_clean()


def test_check_is_bounded():
    violations, seconds = _child("check")
    assert seconds < BOUND_S, seconds
    assert violations and "unterminated regular expression" in violations[0], violations


def test_ordinary_regular_expressions_and_divisions_still_scan():
    from sandboxes.javascript._imports import scan_imports

    code = "const r = /a[/]b/g; let x = (4 / 2) / 1;\n" * 20000 + "require('os')\n"
    assert [v.kind for v in scan_imports(code)] == ["import"]


def test_inprocess_run_is_bounded():
    status, seconds = _child("inprocess-run")
    assert seconds < 3.0, (status, seconds)
