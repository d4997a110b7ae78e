# Tries: have V8 terminate an isolate while it rejects promises in a loop, so that the host's
# PromiseRejectCallback runs with a termination pending, or on an isolate being torn down: the
# deadline of a run rejecting (handled or not, synchronously or from an async loop, at the stack
# limit), and the cancel of eight concurrent in-process `arun` calls at once, three times.
# Modelled on V8's TerminateExecution semantics (the API calls made after it return empty and
# must not be trusted; v8.h, Isolate::TerminateExecution) and on Node's worker.terminate(),
# which stops a thread's JavaScript wherever it is (worker_threads docs). In a child interpreter,
# in-process: every run ends
# (timeout, cancelled), and the process then runs and reports the next rejection.
import pytest

from tests.childproc import json_child

LOOPS = ["for (;;) Promise.reject(new Error('x'))", "for (;;) Promise.reject(1).catch(() => {})",
         "function f() { try { f() } catch { Promise.reject(1) } }\nfor (;;) f()",
         "(async () => { for (;;) { try { await Promise.reject(1) } catch {} } })()"]

DEADLINE = r"""
import dataclasses, json, sys
from sandboxes import Sandbox, default_policy
p = default_policy()
p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess"))
with Sandbox(p) as sb:
    r = sb.run("js", sys.argv[1], timeout=1)
    n = sb.run("js", "Promise.reject(new Error('next'))")
print(json.dumps([r.status.value, n.exit_code, "Uncaught Error: next" in n.stderr]))
"""

CANCEL = r"""
import asyncio, dataclasses, json, sys
from sandboxes import Sandbox, default_policy
loops = json.loads(sys.argv[1])
p = default_policy()
p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess"))
out = []
with Sandbox(p) as sb:
    async def main():
        for round in range(3):
            tasks = [asyncio.ensure_future(sb.arun("js", loops[i % len(loops)], timeout=30)) for i in range(8)]
            await asyncio.sleep(0.2 + 0.2 * round)
            for t in tasks:
                t.cancel()
            got = await asyncio.gather(*tasks, return_exceptions=True)
            out.append(sorted({type(g).__name__ for g in got}))
    asyncio.run(main())
    n = sb.run("js", "Promise.reject(new Error('next'))")
    out.append([n.exit_code, "Uncaught Error: next" in n.stderr])
print(json.dumps(out))
"""


@pytest.mark.parametrize("code", LOOPS, ids=["unhandled", "handled", "stack_limit", "async"])
def test_the_deadline_while_rejecting(code):
    assert json_child(DEADLINE, code, timeout=120, what="deadline") == ("timeout", 1, True)


def test_cancelling_many_rejecting_runs_at_once():
    import json

    *rounds, last = json_child(CANCEL, json.dumps(LOOPS), timeout=180, what="cancel")
    assert rounds == [["CancelledError"]] * 3
    assert last == [1, True]
