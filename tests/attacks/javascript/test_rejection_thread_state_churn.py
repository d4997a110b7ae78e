# Tries: the host's bookkeeping of the Python thread state each isolate thread keeps for its
# PromiseRejectCallback: contexts created, rejected in and closed in quick succession from four
# threads at once (thread ids are reused by the kernel as soon as a thread ends, which the
# liveness check with tgkill(2) must not mistake), then a fork after JavaScript has run (the
# child must refuse in-process JavaScript, not touch the inherited isolates or thread states),
# and the parent runs on. Modelled on CPython's rule that a thread state is deleted only once its
# thread is gone (Python/pystate.c, PyThreadState_Delete), on PyOS_AfterFork_Child, which
# deletes every other thread's state in a forked child, and on tests/isolation/test_fork.py.
# In a child interpreter: any mistake is a crash there.
from tests.childproc import json_child

CHILD = r"""
import ctypes, dataclasses, json, os, threading, time
from sandboxes import Sandbox, default_policy
from sandboxes.javascript._engine import Context
from tests.javascript.rejectionhelp import python_thread_states as thread_states

p = default_policy()
p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess"))
out = {}
with Sandbox(p) as sb:
    sb.run("js", "")
    before = thread_states()
    errors = []
    def work():
        try:
            for i in range(12):
                c = Context(allow_wasm=False, allow_shared_memory=False, max_output_bytes=1 << 16, memory_mb=64)
                c.eval("for (let i = 0; i < 100; i++) Promise.reject(i).catch(() => {}); Promise.reject(1); 1", 5)
                assert c.rejections is not None and c.rejections.ready
                c.close()
                assert c.rejections.thread_state == 0
        except BaseException as e:
            errors.append(repr(e))
    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
    out["errors"] = errors
    # A state whose isolate thread was still ending at its context's close is deleted by a later
    # close (a few KiB meanwhile), so a count taken at any moment may include some: more runs,
    # within a generous bound, give every one of the churn's back (none kept for ever: a leak).
    deadline = time.monotonic() + 20
    while thread_states() > before and time.monotonic() < deadline:
        sb.run("js", "")
        time.sleep(0.05)
    out["thread_states_back"] = thread_states() <= before
    r = sb.run("js", "Promise.reject(new Error('parent'))")
    out["parent_before_fork"] = "Uncaught Error: parent" in r.stderr
    rd, wr = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            sb.run("js", "1")
            msg = "ran"
        except Exception as e:
            msg = type(e).__name__
        os.write(wr, msg.encode())
        os._exit(0)
    os.close(wr)
    _, status = os.waitpid(pid, 0)
    out["child"] = [os.read(rd, 100).decode(), status]
    r = sb.run("js", "Promise.reject(new Error('parent'))")
    out["parent_after_fork"] = "Uncaught Error: parent" in r.stderr
print(json.dumps([out]))
"""


def test_churn_from_threads_then_fork():
    (out,) = json_child(CHILD, timeout=240, what="thread churn and fork")
    assert out == {"errors": [], "thread_states_back": True, "parent_before_fork": True,
                   "child": ["RuntimeUnavailableError", 0], "parent_after_fork": True}, out
