"""The async API: arun, arun_many, astream, on_output; the loop never waits; cancelling stops the run.

Bounds are generous (the machine is shared and loaded); each test prints what it measured.
"""
import asyncio
import os
import time

import pytest

import sandboxes
from sandboxes._control import RunControl
from sandboxes.isolation._backend import _Forged, _read_result
from sandboxes.isolation._wire import FrameReader, encode, write_all
from sandboxes.policy import Limits

BUSY_1S = "import time\nt = time.monotonic()\nwhile time.monotonic() - t < 1.0:\n    pass\nprint('done')\n"
PRINT_SLEEP_PRINT = "import time\nprint('first', flush=True)\ntime.sleep(0.5)\nprint('second')\n"


@pytest.fixture(scope="module")
def sb():
    with sandboxes.Sandbox() as s:
        yield s


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return {int(p) for p in f.read().split()}
    except OSError:
        return set()


def test_arun_is_run(sb):
    async def main():
        return await sb.arun("python", "print(input() * 2)", stdin="ab\n"), await sandboxes.arun("py", "print(6 * 7)")

    r, shared = asyncio.run(main())
    sync = sb.run("python", "print(input() * 2)", stdin="ab\n")
    assert (r.status, r.stdout, r.stderr, r.exit_code) == (sync.status, sync.stdout, sync.stderr, sync.exit_code)
    assert r.stdout == "abab\n" and r.run_id and r.run_id != sync.run_id
    assert shared.ok and shared.stdout == "42\n"


def test_arun_caller_mistakes_raise(sb):
    async def main(**kw):
        return await sb.arun(**kw)

    with pytest.raises(sandboxes.UnknownLanguageError):
        asyncio.run(main(lang="cobol", code="x"))
    with pytest.raises(sandboxes.LimitError):
        asyncio.run(main(lang="python", code="x", timeout=10_000))
    with pytest.raises(sandboxes.SandboxError):
        asyncio.run(main(lang="python", code="x", on_output="not callable"))


def test_the_loop_never_waits(sb):
    """A 5 ms ticker keeps ticking during a 1 s run (the goal, 20 ms, is measured in bench/)."""
    async def main():
        lags = []

        async def ticker():
            while True:
                t = time.perf_counter()
                await asyncio.sleep(0.005)
                lags.append(time.perf_counter() - t - 0.005)

        tick = asyncio.create_task(ticker())
        await asyncio.sleep(0.05)
        r = await sb.arun("python", BUSY_1S, timeout=10)
        tick.cancel()
        return r, lags

    r, lags = asyncio.run(main())
    assert r.ok and r.stdout == "done\n", r
    print(f"max loop lag during a 1 s run: {max(lags) * 1000:.1f} ms over {len(lags)} ticks")
    assert len(lags) > 50
    assert max(lags) < 0.1


def _cancel_then_next(sb, lang, forever, again, during=lambda: None):
    """Cancel at 0.3 s a run (timeout=10) that never ends, then run ``again``: the timings and outcomes."""
    async def main():
        task = asyncio.create_task(sb.arun(lang, forever, timeout=10))
        await asyncio.sleep(0.3)
        seen = during()
        t = time.perf_counter()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        cancelled_s = time.perf_counter() - t
        t = time.perf_counter()
        nxt = await sb.arun(lang, again)
        return seen, cancelled_s, nxt, time.perf_counter() - t

    seen, cancelled_s, nxt, next_s = asyncio.run(main())
    print(f"{lang}: cancel returned in {cancelled_s * 1000:.1f} ms; the next run took {next_s * 1000:.1f} ms")
    assert cancelled_s < 2.0
    assert nxt.ok and nxt.stdout == "next\n", nxt
    return seen, next_s


def _gone(pids, wait_s=5.0):
    end = time.monotonic() + wait_s
    while any(_alive(p) for p in pids) and time.monotonic() < end:
        time.sleep(0.01)
    return not any(_alive(p) for p in pids)


def test_cancel_kills_the_python_child_and_the_next_run_starts(sb):
    sb.run("python", "pass")
    srv = sb._backends["python"]._impl._srv
    running, next_s = _cancel_then_next(sb, "python", "while True:\n    pass\n", "print('next')",
                                        lambda: _children(srv.proc.pid) - {s.pid for s in srv.spares})
    assert len(running) == 1, running
    assert next_s < 5.0
    assert _gone(running), "the cancelled run's child is still alive"


def test_cancel_terminates_the_javascript_isolate_and_the_worker_is_free(sb):
    """The worker is told to stop the run (V8 terminates the guest) and serves the next one at once."""
    assert sb.run("javascript", "console.log(1)").ok
    pool = sb._backends["javascript"]._impl
    _seen, next_s = _cancel_then_next(sb, "javascript", "for (;;) {}", "console.log('next')",
                                      lambda: [w.proc.pid for w in pool.idle])
    assert next_s < 5.0
    assert pool.count == 1 and all(w.proc.poll() is None for w in pool.idle)


def test_a_worker_that_ignores_the_cancel_is_killed(sb):
    """A worker that does not stop the run (an engine without a cancel hook, a compromised worker)
    is killed CANCEL_GRACE_S after the cancel, and replaced."""
    assert sb.run("javascript", "console.log(1)").ok
    pool = sb._backends["javascript"]._impl
    before = {w.proc.pid for w in pool.idle}
    for w in pool.idle:  # its cancels go to a pipe nobody reads
        deaf_r, deaf_w = os.pipe()
        os.close(w.cancel_w)
        w.cancel_w = deaf_w
    _seen, next_s = _cancel_then_next(sb, "javascript", "for (;;) {}", "console.log('next')")
    os.close(deaf_r)
    assert before and next_s < 10.0
    assert _gone(before), "the cancelled run's worker is still alive"


def test_cancel_while_waiting_for_a_worker_runs_nothing(sb):
    async def main():
        first = asyncio.create_task(sb.arun("javascript", "const t = Date.now(); while (Date.now() - t < 800) {}"))
        await asyncio.sleep(0.1)
        second = asyncio.create_task(sb.arun("javascript", "console.log('never')"))
        await asyncio.sleep(0.1)
        second.cancel()
        with pytest.raises(asyncio.CancelledError):
            await second
        return await first

    assert asyncio.run(main()).ok


def test_output_streams_while_the_program_runs(sb):
    async def main():
        t0 = time.perf_counter()
        got = []

        async def on_output(stream, text):  # an async callable is awaited
            got.append((time.perf_counter() - t0, stream, text))

        r = await sb.arun("python", PRINT_SLEEP_PRINT, on_output=on_output)
        return r, got, time.perf_counter() - t0

    r, got, total = asyncio.run(main())
    print(f"first chunk at {got[0][0] * 1000:.0f} ms of a {total * 1000:.0f} ms run: {got}")
    assert r.ok and r.stdout == "first\nsecond\n"
    assert got[0][1:] == ("stdout", "first\n")
    assert got[0][0] < total - 0.3  # before the program's sleep ended, not with its Result
    assert "".join(t for _, s, t in got if s == "stdout") == r.stdout


def test_astream_yields_chunks_then_the_result(sb):
    async def main():
        stream = sb.astream("python", "import sys\nprint('out')\nprint('err', file=sys.stderr)\nprint('out2')\n")
        chunks = [c async for c in stream]
        return chunks, stream.result

    chunks, r = asyncio.run(main())
    assert r.ok
    assert all(isinstance(c, sandboxes.Chunk) for c in chunks)
    assert "".join(c.text for c in chunks if c.stream == "stdout") == r.stdout == "out\nout2\n"
    assert "".join(c.text for c in chunks if c.stream == "stderr") == r.stderr == "err\n"


def test_streamed_output_is_capped(sb, tmp_path):
    policy = tmp_path / "p.yaml"
    policy.write_text("defaults:\n  max_output_bytes: 1000\n")
    got = []
    r = sandboxes.run("python", "for i in range(10000):\n    print('x' * 50)\n", policy=str(policy),
                      on_output=lambda s, t: got.append(t))  # the sync API streams too
    assert r.status == "output_limit"
    assert sum(len(t.encode()) for t in got) <= 1000
    assert "".join(got) == r.stdout


def test_a_failing_callback_cancels_the_run_and_is_raised(sb):
    def on_output(stream, text):
        raise KeyError("the client went away")

    async def main():
        return await sb.arun("python", "import time\nprint(1)\ntime.sleep(5)\n", timeout=10, on_output=on_output)

    t = time.perf_counter()
    with pytest.raises(KeyError):
        asyncio.run(main())
    assert time.perf_counter() - t < 4.0


def test_javascript_output_arrives_with_the_result(sb):
    """A runtime that does not stream: its output arrives as chunks when the run ends."""
    got = []
    r = sb.run("javascript", "console.log('a'); console.error('b')", on_output=lambda s, t: got.append((s, t)))
    assert r.ok and sorted(got) == [("stderr", "b\n"), ("stdout", "a\n")]


def test_arun_many_keeps_order_and_bounds_concurrency(sb):
    async def main():
        jobs = [("python", f"print({i})") for i in range(4)] + [("js", "console.log('j')")]
        return await sb.arun_many(jobs, concurrency=2)

    outcomes = asyncio.run(main())
    assert [o.stdout for o in outcomes] == ["0\n", "1\n", "2\n", "3\n", "j\n"]
    with pytest.raises(sandboxes.UnknownLanguageError, match="arun_many job 1"):
        asyncio.run(sandboxes.arun_many([("py", "1"), ("cobol", "x")]))
    with pytest.raises(sandboxes.LimitError):
        asyncio.run(sandboxes.arun_many([("py", "1")], concurrency=0))
    mixed = asyncio.run(sandboxes.arun_many([("py", "print(1)"), ("cobol", "x")], return_exceptions=True))
    assert mixed[0].ok and isinstance(mixed[1], sandboxes.UnknownLanguageError)


# -- the host checks every output frame of a worker child (guest-controlled once guest code ran)

def _frames(*frames):
    r, w = os.pipe()
    write_all(w, b"".join(encode(f) for f in frames))
    os.close(w)
    return FrameReader(r), r


@pytest.mark.parametrize("frames, why", [
    ([{"out": "stdout", "text": "x"}], "nobody asked"),
    ([{"out": "stdin", "text": "x"}], "stream name"),
    ([{"out": "stdout", "text": 5}], "stream name"),
    ([{"out": "stdout", "text": ""}], "stream name"),
    ([{"out": "stdout", "text": "x" * 60}, {"out": "stderr", "text": "y" * 50}], "beyond max_output_bytes"),
])
def test_output_frames_are_checked(frames, why):
    reader, fd = _frames(*frames, {"lang": "python", "status": "ok"})
    control = None if why == "nobody asked" else RunControl(lambda s, t: None)
    try:
        with pytest.raises(_Forged):
            _read_result(reader, Limits(timeout_s=5, max_output_bytes=100), time.monotonic() + 5, control)
    finally:
        os.close(fd)


def test_output_frames_pass_then_the_result():
    got = []
    reader, fd = _frames({"out": "stdout", "text": "a"}, {"out": "stderr", "text": "b"}, {"lang": "python"})
    try:
        frame = _read_result(reader, Limits(timeout_s=5, max_output_bytes=100), time.monotonic() + 5,
                             RunControl(lambda s, t: got.append((s, t))))
    finally:
        os.close(fd)
    assert frame == {"lang": "python"} and got == [("stdout", "a"), ("stderr", "b")]
