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
# Busy for float(stdin) seconds, then 'done' (a run of 0 s first: Go compiles before its run).
BUSY = {
    "python": "import time\ns = float(input())\nt = time.monotonic()\nwhile time.monotonic() - t < s:\n    pass\n"
              "print('done')\n",
    "javascript": "const s = Number(readline()); const t = Date.now(); while (Date.now() - t < s * 1000) {}\n"
                  "console.log('done')\n",
    "go": 'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\tvar s float64\n\tfmt.Scan(&s)\n'
          '\tt := time.Now()\n\tfor time.Since(t).Seconds() < s {\n\t}\n\tfmt.Println("done")\n}\n',
}
# Two writes at once (the second held by a worker's batching), a quiet 0.5 s, a third: stdout and stderr.
QUIET = {
    "python": "import sys, time\nprint('a\u00e9')\nprint('b\U0001F600', file=sys.stderr)\nprint('c')\n"
              "t = time.monotonic()\nwhile time.monotonic() - t < 0.5:\n    pass\nprint('d')\n",
    "javascript": "console.log('a\u00e9'); console.error('b\U0001F600'); console.log('c');\n"
                  "const t = Date.now(); while (Date.now() - t < 500) {}\nconsole.log('d')\n",
    "go": 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"time"\n)\n\nfunc main() {\n\tfmt.Println("a\u00e9")\n'
          '\tfmt.Fprintln(os.Stderr, "b\U0001F600")\n\tfmt.Println("c")\n\tt := time.Now()\n'
          '\tfor time.Since(t) < 500*time.Millisecond {\n\t}\n\tfmt.Println("d")\n}\n',
}
FLOOD = {  # 10,000 lines of 50 bytes
    "python": "for i in range(10000):\n    print('x' * 50)\n",
    "javascript": "for (let i = 0; i < 10000; i++) console.log('x'.repeat(50))\n",
    "go": 'package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n\nfunc main() {\n\tfor i := 0; i < 10000; i++ {\n'
          '\t\tfmt.Println(strings.Repeat("x", 50))\n\t}\n}\n',
}
FOREVER = {
    "python": "while True:\n    pass\n",
    "python-sleep": "import time\ntime.sleep(3600)\n",
    "javascript": "for (;;) {}",
    # microtasks that never end: the host's next call waits behind them and never starts
    "javascript-microtasks": "(async () => { for (;;) { await null } })()",
    "go": "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n",
    "go-sleep": 'package main\n\nimport "time"\n\nfunc main() {\n\ttime.Sleep(time.Hour)\n}\n',
}
NEXT = {"python": "print('next')", "javascript": "console.log('next')",
        "go": 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("next") }\n'}
# The other isolation of each language (the shipped policy: python and javascript in a worker, go in-process).
OTHER_ISOLATION = "python:\n  isolation: inprocess\njavascript:\n  isolation: inprocess\ngo:\n  isolation: worker\n"
ATTEMPTS = 5  # a timing goal is met if one of this many tries meets it: on a shared, loaded machine an idle
# loop shows the odd 20 ms spike too (the scheduler), but a loop the run blocked never meets it


@pytest.fixture(scope="module")
def sb():
    with sandboxes.Sandbox() as s:
        yield s


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    policy = tmp_path_factory.mktemp("policy") / "other.yaml"
    policy.write_text(OTHER_ISOLATION)
    with sandboxes.Sandbox(str(policy)) as s:
        yield s


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    """A Sandbox of either isolation whose policy keeps 1,000 bytes of output."""
    boxes = {}

    def get(where):
        if where not in boxes:
            policy = tmp_path_factory.mktemp("capped") / "p.yaml"
            policy.write_text(OTHER_ISOLATION * (where == "other") + "defaults:\n  max_output_bytes: 1000\n")
            boxes[where] = sandboxes.Sandbox(str(policy))
        return boxes[where]

    yield get
    for box in boxes.values():
        box.close()


def _sandbox(request, where):
    return request.getfixturevalue("sb" if where == "default" else "other")


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


@pytest.mark.parametrize("where", ["default", "other"])
@pytest.mark.parametrize("lang", ["python", "javascript", "go"])
def test_the_loop_never_waits(request, lang, where):
    """A 5 ms ticker keeps ticking during a 1 s busy run: its worst lag is under 100 ms (the goal is
    20 ms, which a loaded shared machine misses by a few ms at times: 21-58 ms seen at load 10; ``run()``
    called in the coroutine would lag the whole second)."""
    box = _sandbox(request, where)
    assert box.run(lang, BUSY[lang], stdin="0").stdout == "done\n"  # Go: compiled before the measurement

    async def main():
        lags = []

        async def ticker():
            while True:
                t = time.perf_counter()
                await asyncio.sleep(0.005)
                lags.append(time.perf_counter() - t - 0.005)

        tick = asyncio.create_task(ticker())
        await asyncio.sleep(0.05)
        t = time.perf_counter()
        r = await box.arun(lang, BUSY[lang], stdin="1", timeout=10)
        took = time.perf_counter() - t
        tick.cancel()
        return r, lags, took

    tries = []
    for _ in range(ATTEMPTS):
        r, lags, took = asyncio.run(main())
        assert r.ok and r.stdout == "done\n", r
        assert took >= 1.0 and len(lags) > 50, (took, len(lags))  # the ticker ran all along
        tries.append(max(lags))
        if max(lags) < 0.020:
            break
    print(f"{lang} ({where}): max loop lag during a 1 s run: {', '.join(f'{x * 1000:.1f}' for x in tries)} ms")
    assert min(tries) < 0.100, tries


def _cancel_then_next(sb, lang, forever, again, during=lambda: None, within=2.0):
    """Cancel at 0.3 s a run (timeout=10) that never ends, then run ``again``: the timings and outcomes.

    The awaiting task's ``CancelledError`` arrives once the run's thread has ended (``arun`` waits
    for it): the time to it is the time until the worker or engine is free again.
    """
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

    for _ in range(ATTEMPTS):
        seen, cancelled_s, nxt, next_s = asyncio.run(main())
        print(f"{lang}: cancel returned in {cancelled_s * 1000:.1f} ms; the next run took {next_s * 1000:.1f} ms")
        assert nxt.ok and nxt.stdout == "next\n", nxt
        if cancelled_s < within:
            break
    assert cancelled_s < within
    return seen, next_s


@pytest.mark.parametrize("lang, program, where", [
    ("python", "python", "other"), ("python", "python-sleep", "other"), ("python", "python-sleep", "default"),
    ("javascript", "javascript", "other"),
    ("javascript", "javascript-microtasks", "other"), ("javascript", "javascript-microtasks", "default"),
    ("go", "go", "default"), ("go", "go-sleep", "default"), ("go", "go", "other"), ("go", "go-sleep", "other"),
])
def test_cancel_frees_the_worker_within_100_ms(request, lang, program, where):
    """Cancel at 0.3 s a run with timeout=10 (a busy loop, a sleep): the run stops and its worker or
    engine is free within 100 ms, and the next run works."""
    box = _sandbox(request, where)
    assert box.run(lang, NEXT[lang]).ok  # Go: the worker started, the program compiled
    assert box.run(lang, FOREVER[program], timeout=0.3).status == "timeout"
    pool = getattr(box._backends[lang], "_impl", None)
    workers = {w.proc.pid for w in pool.idle} if hasattr(pool, "idle") else None  # long-lived workers
    _cancel_then_next(box, lang, FOREVER[program], NEXT[lang], within=0.1)
    if workers is not None:  # the worker stopped the run and stays (it was replaced before d88073e's follow-up)
        assert {w.proc.pid for w in pool.idle} == workers


def test_cancel_in_process_is_prompt_beside_a_large_host_heap(other):
    """The in-process teardown of a stopped run does not collect the whole host heap (a full
    collection of 1.5 million host objects took 2.1 s before the fix, and the cancel waited for it)."""
    heap = [[i] for i in range(1_500_000)]  # the host's own objects, as in a long-lived service
    try:
        _cancel_then_next(other, "python", FOREVER["python-sleep"], NEXT["python"], within=0.1)
    finally:
        del heap


def _gone(pids, wait_s=5.0):
    end = time.monotonic() + wait_s
    while any(_alive(p) for p in pids) and time.monotonic() < end:
        time.sleep(0.01)
    return not any(_alive(p) for p in pids)


def test_cancel_kills_the_python_child_and_the_next_run_starts(sb):
    sb.run("python", "pass")
    srv = sb._backends["python"]._impl._srv
    running, next_s = _cancel_then_next(sb, "python", "while True:\n    pass\n", "print('next')",
                                        lambda: _children(srv.proc.pid) - {s.pid for s in srv.spares}, within=0.1)
    assert len(running) == 1, running
    assert next_s < 5.0
    assert _gone(running), "the cancelled run's child is still alive"


def test_cancel_terminates_the_javascript_isolate_and_the_worker_is_free(sb):
    """The worker is told to stop the run (V8 terminates the guest) and serves the next one at once."""
    assert sb.run("javascript", "console.log(1)").ok
    pool = sb._backends["javascript"]._impl
    _seen, next_s = _cancel_then_next(sb, "javascript", "for (;;) {}", "console.log('next')",
                                      lambda: [w.proc.pid for w in pool.idle], within=0.1)
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


@pytest.mark.parametrize("where", ["default", "other"])
@pytest.mark.parametrize("lang", ["python", "javascript", "go"])
def test_every_language_streams_while_it_runs(request, lang, where):
    """What the program writes before a quiet half second reaches on_output before that half second
    is over (also what a worker held back to batch it), and the chunks add up to the Result."""
    box = _sandbox(request, where)
    box.run(lang, QUIET[lang])

    async def main():
        t0 = time.perf_counter()
        got = []
        r = await box.arun(lang, QUIET[lang], on_output=lambda s, t: got.append((time.perf_counter() - t0, s, t)))
        return r, got, time.perf_counter() - t0

    r, got, total = asyncio.run(main())
    print(f"{lang} ({where}): {[(round(at * 1000), s, t) for at, s, t in got]} of a {total * 1000:.0f} ms run")
    assert r.ok and (r.stdout, r.stderr) == ("a\u00e9\nc\nd\n", "b\U0001F600\n"), r
    early = [(s, t) for at, s, t in got if at < total - 0.3]
    assert "".join(t for s, t in early if s == "stdout") == "a\u00e9\nc\n", got
    assert "".join(t for s, t in early if s == "stderr") == "b\U0001F600\n", got
    for stream in ("stdout", "stderr"):
        assert "".join(t for _, s, t in got if s == stream) == getattr(r, stream)


@pytest.mark.parametrize("where", ["default", "other"])
@pytest.mark.parametrize("lang", ["python", "javascript", "go"])
def test_every_language_streams_under_the_output_cap(capped, lang, where):
    """What on_output receives counts against max_output_bytes: the run ends with output_limit, the
    chunks add up to the Result's stdout, at most the cap."""
    box = capped(where)
    got = []
    r = box.run(lang, FLOOD[lang], on_output=lambda s, t: got.append((s, t)))
    assert r.status == "output_limit", r
    assert 900 <= sum(len(t.encode()) for _, t in got) <= 1000, got
    assert "".join(t for s, t in got if s == "stdout") == r.stdout and r.stdout.startswith("x" * 50 + "\n")
    assert box.run(lang, NEXT[lang]).ok


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
