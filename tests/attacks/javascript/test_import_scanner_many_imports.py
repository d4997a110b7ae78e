# Tries: make the host-side import scanner (sandboxes/javascript/_imports.py, run in the host by
# `Sandbox.check()` whatever the isolation, and by `run()` with `isolation: inprocess`) do
# unbounded work and return an unbounded list. Every `import` not followed by `(` or `.` looks
# ahead up to 200 tokens for a module string, and every module request is its own Violation with
# no cap: `import\n` x 149 000 (1 MiB, the default max_code_bytes) measured 3.3 s in `check()`
# and 149 000 violations (`require(a)\n` x 95 000: 95 000). On `run()` each violation is also a
# line of stderr and a `security` audit event. The Go checker caps refusals at 20.
# Published: CWE-407 "Inefficient Algorithmic Complexity"; CWE-770 "Allocation of Resources
# Without Limits or Throttling"; same scanner as test_import_scanner_quadratic_regex.py.

from sandboxes.result import MAX_LISTED_VIOLATIONS
from tests.childproc import json_child

BOUND_S = 10.0  # generous (a quadratic scan took minutes; shared, loaded machines take seconds)

CHILD = r'''
import dataclasses, json, sys, time
from sandboxes import Sandbox, default_policy
mode, n = sys.argv[1], int(sys.argv[2])
src = "import\n" * n
p = default_policy()
if mode == "inprocess-run":
    p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess"))
with Sandbox(p) as sb:
    t0 = time.monotonic()
    if mode == "check":
        out = len(sb.check("js", src))
    else:
        r = sb.run("js", src, timeout=2)
        out = [r.status.value, len(r.violations)]
    print(json.dumps([out, time.monotonic() - t0]))
'''


def _child(mode: str) -> tuple[object, float]:
    from sandboxes import default_policy

    n = default_policy().javascript.limits.max_code_bytes // 7
    return json_child(CHILD, mode, n, timeout=BOUND_S + 10, what=f"{mode}: scanning {n} imports")


def test_check_is_bounded_in_time_and_refusals():
    count, seconds = _child("check")
    assert seconds < BOUND_S, seconds
    assert 0 < count <= MAX_LISTED_VIOLATIONS + 1, count  # the listed ones, and the compiler's own


def test_inprocess_run_is_bounded():
    (status, count), seconds = _child("inprocess-run")
    assert status in ("violation", "compile_error", "timeout"), status
    assert count <= MAX_LISTED_VIOLATIONS + 1, count
    assert seconds < 3.0, seconds
