# Tries: reject promises while the V8 heap is at its limit (memory_mb 16), so that the host's
# PromiseRejectCallback has to store into its inbox when nothing is left: a store that allocates
# there could meet V8's out-of-memory handling inside the callback and abort the process, which
# in-process is the host. Modelled on V8's FatalProcessOutOfMemory (an allocation that fails at
# the heap limit aborts the process, whoever makes it, an embedder callback included) and on the
# embedder rule of v8.h that a PromiseRejectCallback runs inside V8's rejecting code. In-process, in a child
# interpreter: each ends at memory_limit as the same program without rejections does, and the
# process goes on to run (and report) the next program.
import pytest

from tests.childproc import json_child

CHILD = r"""
import dataclasses, json, sys
from sandboxes import Sandbox, default_policy
p = default_policy()
p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess"))
out = []
with Sandbox(p) as sb:
    r = sb.run("js", sys.argv[1], memory_mb=16, timeout=30)
    out.append([r.status.value, r.extra.get("stopped_by")])
    r = sb.run("js", "Promise.reject(new Error('next'))")
    out.append([r.status.value, r.exit_code, "Uncaught Error: next" in r.stderr])
print(json.dumps(out))
"""

FILL = "const a = []; for (;;) { a.push(new Array(1e4).fill(1)); %s }"
CASES = {
    "plain": FILL % "",
    "rejecting": FILL % "Promise.reject(new Error('x'))",
    "handled": FILL % "Promise.reject(1).catch(() => {})",
    "held_promises": "const a = []; for (;;) a.push(Promise.reject(a.length))",
    "reason_is_the_heap": "const a = []; for (;;) { a.push({}); Promise.reject(a) }",
    "awaiting": ("(async () => { const a = []; for (;;) {\n"
                 "  a.push(new Array(1e3).fill(1)); try { await Promise.reject(1) } catch {} } })()"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rejections_at_the_heap_limit_in_process(name):
    first, after = json_child(CHILD, CASES[name], timeout=120, what=name)
    assert first == ["memory_limit", "v8-heap-limit"], first
    assert after == ["error", 1, True]
