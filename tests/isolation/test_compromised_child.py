"""A worker child that writes its own result frame: what the host believes (issue 12, item 6).

Each program here runs as *host-level* Python in a confined worker (the test-only raw mode), as
a guest that escaped the language layer would: it finds the result pipe and writes a frame of
its own choosing (wrong types, huge strings, two frames, verdicts only the host can know,
isolation layers it does not have). The host must validate every field, keep its own verdicts,
and kill the child as soon as its frame is read.
"""

from __future__ import annotations

import textwrap
import time

import pytest

from sandboxes.isolation import WorkerBackend
from sandboxes.policy import default_policy
from tests.isolation.isolation_helpers import LIMITS, settle

# Finds the write end of the result pipe (the only descriptor above 2 that takes a write: the job
# pipe is a read end) and writes frames on it, as the wire does: 8-byte length, then JSON.
FORGER = textwrap.dedent("""
    import json, os, struct, sys
    def _fd():
        if len(sys.argv) > 3 and sys.argv[2] == "worker":   # a long-lived worker: argv names it
            return int(sys.argv[4])
        for fd in range(3, 256):
            try:
                os.write(fd, b"")
                return fd
            except OSError:
                pass
    RES = _fd()
    def raw_frame(payload):
        return struct.pack(">Q", len(payload)) + payload
    def frame(obj):
        return raw_frame(json.dumps(obj).encode())
    def send(*frames):
        os.write(RES, b"".join(frames))
    def ok(lang, **kw):
        return {"lang": lang, "status": "ok", "stdout": "forged\\n", "stderr": "", "exit_code": 0, **kw}
""")


def forge(body: str) -> str:
    return FORGER + textwrap.dedent(body)


@pytest.fixture(scope="module")
def js_raw():
    """A JavaScript worker in raw mode: the long-lived worker process, running host-level Python."""
    with WorkerBackend("javascript", default_policy(), _raw=True) as b:
        yield b


def assert_forged(r, why: str) -> None:
    assert r.status == "error", r
    assert r.stdout == "", r
    assert r.extra["stop_detail"].startswith("malformed result"), r
    assert why in r.extra["stop_detail"], r


# ----------------------------------------------------------------- fork-per-run (Python)

@pytest.mark.parametrize(("fields", "why"), [
    ({"exit_code": "0"}, "exit_code"),
    ({"exit_code": True}, "exit_code"),
    ({"stdout": ["forged"]}, "stdout"),
    ({"status": "pwned"}, "status"),
    ({"duration_s": -1}, "duration_s"),
    ({"violations": [{"kind": "import", "detail": 5}]}, "violations"),
    ({"extra": ["not", "a", "dict"]}, "extra"),
    ({"surprise": 1}, "unknown field"),
    ({"lang": "javascript"}, "lang"),
])
def test_wrong_types_are_refused(raw, fields, why):
    r = raw.run(forge(f"send(frame({{**ok('python'), **{fields!r}}}))\nos._exit(0)\n"), stdin="", limits=LIMITS)
    assert_forged(r, why)


def test_not_json_and_deep_nesting_are_refused(raw):
    r = raw.run(forge("send(raw_frame(b'{\"lang\": NaN}'))\nos._exit(0)\n"), stdin="", limits=LIMITS)
    assert_forged(r, "not a JSON frame")
    r = raw.run(forge("send(raw_frame(b'[' * 200000 + b']' * 200000))\nos._exit(0)\n"), stdin="", limits=LIMITS)
    assert_forged(r, "not a JSON frame")


def test_two_frames_are_refused(raw):
    r = raw.run(forge("send(frame(ok('python')), frame(ok('python')))\nos._exit(0)\n"), stdin="", limits=LIMITS)
    assert_forged(r, "more than one result frame")


@pytest.mark.parametrize(("extra", "why"), [
    ({"stopped_by": "deadline", "stop_detail": "SIGKILL at the wall-clock deadline"}, "stopped_by"),
    ({"stopped_by": "seccomp"}, "stopped_by"),
    ({"stopped_by": "rlimit", "stop_detail": "RLIMIT_AS"}, "stopped_by"),
    ({"isolation_missing": []}, "isolation_missing"),
    ({"worker": "fork"}, "worker"),
])
def test_verdicts_only_the_host_knows_are_refused(raw, extra, why):
    r = raw.run(forge(f"send(frame(ok('python', status='timeout', extra={extra!r})))\nos._exit(0)\n"),
                stdin="", limits=LIMITS)
    assert_forged(r, why)


def test_a_seccomp_violation_cannot_be_claimed(raw):
    v = [{"kind": "syscall", "detail": "seccomp killed the worker", "line": None, "col": None}]
    r = raw.run(forge(f"send(frame(ok('python', status='violation', violations={v!r})))\nos._exit(0)\n"),
                stdin="", limits=LIMITS)
    assert_forged(r, "syscall")


def test_claimed_isolation_layers_are_ignored(raw):
    honest = raw.run("print(1)", stdin="", limits=LIMITS)
    claim = ["language", "process", "rlimits", "seccomp", "landlock", "hypervisor", "tpm"]
    r = raw.run(forge(f"send(frame(ok('python', isolation={claim!r})))\nos._exit(0)\n"), stdin="", limits=LIMITS)
    assert (r.status, r.stdout) == ("ok", "forged\n"), r  # what the guest could have printed anyway
    assert r.isolation == honest.isolation
    assert "hypervisor" not in r.isolation and "tpm" not in r.isolation
    assert r.extra["isolation_missing"] == honest.extra["isolation_missing"]


def test_huge_strings_are_cut_to_the_output_cap(raw):
    cap = LIMITS.max_output_bytes
    r = raw.run(forge(f"send(frame(ok('python', stdout='A' * {3 * cap}, stderr='B' * {cap})))\nos._exit(0)\n"),
                stdin="", limits=LIMITS)
    assert r.status == "output_limit", r.status
    assert len(r.stdout.encode()) + len(r.stderr.encode()) <= cap
    assert r.extra["stopped_by"] == "host-output-cap"


def test_oversized_violations_and_extra_are_refused(raw):
    many = [{"kind": "import", "detail": "x", "line": 1, "col": 0}] * 500
    r = raw.run(forge(f"send(frame(ok('python', status='violation', violations={many!r})))\nos._exit(0)\n"),
                stdin="", limits=LIMITS)
    assert_forged(r, "violations")
    r = raw.run(forge("send(frame(ok('python', extra={'k': 'x' * 200000})))\nos._exit(0)\n"), stdin="", limits=LIMITS)
    assert_forged(r, "extra")


def test_a_child_that_stays_alive_after_its_frame_is_killed(raw):
    # The guest writes a result, then keeps the CPU (or waits to write more): the host kills and
    # reaps it as soon as the frame is read, long before the deadline.
    code = forge("""
        send(frame(ok('python', stdout=str(os.getpid()))))
        while True:
            pass
    """)
    t0 = time.monotonic()
    r = raw.run(code, stdin="", limits=LIMITS)
    took = time.monotonic() - t0
    assert r.status == "ok", r
    assert took < LIMITS.timeout_s, took
    pid = int(r.stdout)

    def gone() -> bool:
        try:
            with open(f"/proc/{pid}/stat") as f:
                return f.read().rsplit(") ", 1)[1][0] not in "RSD"  # a zombie, or a reused number
        except OSError:
            return True

    # Generous for a kill, and still well under what the old code took: the child ran until its
    # CPU limit (the timeout plus a second of CPU time).
    assert settle(gone, timeout=1.5), "the child is still alive after its frame was read"


def test_the_next_run_is_honest(raw):
    assert raw.run("print(6 * 7)", stdin="", limits=LIMITS).stdout == "42\n"


# ----------------------------------------------------------------- long-lived workers (JavaScript, Go)

def test_long_lived_worker_wrong_types_are_refused(js_raw):
    r = js_raw.run(forge("send(frame(ok('javascript', exit_code='0')))\nimport time; time.sleep(30)\n"),
                   stdin="", limits=LIMITS)
    assert_forged(r, "exit_code")


def test_long_lived_worker_host_verdicts_are_refused(js_raw):
    r = js_raw.run(forge("send(frame(ok('javascript', extra={'stopped_by': 'deadline'})))\n"
                         "import time; time.sleep(30)\n"), stdin="", limits=LIMITS)
    assert_forged(r, "stopped_by")


def test_long_lived_worker_two_frames_are_refused(js_raw):
    r = js_raw.run(forge("send(frame(ok('javascript')), frame(ok('javascript')))\nimport time; time.sleep(30)\n"),
                   stdin="", limits=LIMITS)
    assert_forged(r, "more than one result frame")


def test_long_lived_worker_retire_must_be_a_bool(js_raw):
    r = js_raw.run(forge("send(frame(ok('javascript', retire='no')))\nimport time; time.sleep(30)\n"),
                   stdin="", limits=LIMITS)
    assert_forged(r, "retire")


def test_a_frame_written_ahead_is_never_the_next_runs_result(js_raw):
    # Run 1 leaves a thread that writes a frame after run 1 is over, hoping it is read as the
    # result of whatever runs next in this worker (another caller's program).
    planted = forge("""
        import threading, time
        def later():
            time.sleep(0.3)
            send(frame(ok('javascript', stdout='planted\\n')))
        threading.Thread(target=later).start()
        print('first')
    """)
    first = js_raw.run(planted, stdin="", limits=LIMITS)
    assert (first.status, first.stdout) == ("ok", "first\n"), first
    time.sleep(1.5)
    second = js_raw.run("print('second')", stdin="", limits=LIMITS)
    assert (second.status, second.stdout) == ("ok", "second\n"), second
