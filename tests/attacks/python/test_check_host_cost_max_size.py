# Tries: make the host pay seconds of CPU and hundreds of MB per call of `Sandbox.check("python")`
# with an ordinary-looking source at max_code_bytes (1 MiB). `check()` runs `compile_guest`
# (ast.parse + SandboxTransformer + compile) in the host process whatever the isolation, with no
# deadline, and returns one Violation per refusal with no cap (the Go checker caps at 20):
# `a.__b` x 200 000 lines measured 6.7 s and +712 MB of host RSS with 200 000 violations (each
# becomes a `security` audit event on `run()`); the valid `a=1;` x 260 000 took 4.8 s and +612 MB.
# With `isolation: inprocess` the same compile happens in `run()` before the watchdog is armed.
# The compile cache keeps up to 512 such outcomes, bounded in entries, not bytes.
# Published: CWE-400 "Uncontrolled Resource Consumption" / CWE-770 "Allocation of Resources
# Without Limits"; CWE-407; the Go checker's MAX_VIOLATIONS in this project (the same rule).

import sandboxes
from tests.childproc import json_child

MAX = sandboxes.default_policy().python.limits.max_code_bytes
BOUND_S = 2.0

CHILD = r'''
import dataclasses, json, resource, sys, time
from sandboxes import Sandbox, default_policy
mode, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
src = {"dunder": "a.__b\n", "plain": "a=1;"}[kind] * n
p = default_policy()
if mode == "inprocess-run":
    p = dataclasses.replace(p, python=dataclasses.replace(p.python, isolation="inprocess"))
with Sandbox(p) as sb:
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.monotonic()
    c0 = time.process_time()  # CPU seconds: what the host pays, whatever else the machine runs
    if mode == "check":
        out = len(sb.check("python", src))
    else:
        r = sb.run("python", src, timeout=2)
        out = [r.status.value, len(r.violations)]
    dt = time.process_time() - c0 if mode == "check" else time.monotonic() - t0
    print(json.dumps([out, dt, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) // 1024]))
'''


def _child(mode: str, kind: str, n: int) -> tuple[object, float, int]:
    return json_child(CHILD, mode, kind, n, timeout=BOUND_S + 10, what=f"{mode}/{kind}: compiling")


def test_check_of_many_refusals_is_bounded():
    count, seconds, grown_mb = _child("check", "dunder", MAX // 6)
    assert seconds < BOUND_S, seconds
    assert grown_mb < 200, grown_mb
    assert 0 < count <= 21, count  # a capped list, like the Go checker's


def test_check_of_a_max_size_valid_program_is_bounded():
    _count, seconds, grown_mb = _child("check", "plain", MAX // 4)
    assert seconds < BOUND_S, seconds
    assert grown_mb < 200, grown_mb


def test_inprocess_run_respects_the_deadline():
    (status, count), seconds, _mb = _child("inprocess-run", "dunder", MAX // 6)
    assert status in ("violation", "timeout"), status
    assert count <= 21, count
    assert seconds < 3.0, seconds
