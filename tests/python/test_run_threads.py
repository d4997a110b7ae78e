"""In-process runs execute on kept big-stack threads (``runtime._RunThreads``).

A thread per run cost ~0.4 ms of a print(1)'s 0.46 ms; the threads are now kept between runs. What
must hold: the watchdog's asynchronous TimeoutStop never reaches a kept thread's next run, a run
stopped by a limit or one that grew the process retires its thread, per-thread state (the decimal
context, the run's context variables) does not pass from one run to the next, and concurrent runs
each get a thread of their own.
"""
import threading
from dataclasses import replace

import pytest

import sandboxes
from sandboxes.python import runtime as R


def _run_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "sandboxes-python-run" and t.is_alive()]


@pytest.fixture
def sb():
    pol = sandboxes.default_policy()
    with sandboxes.Sandbox(replace(pol, python=replace(pol.python, isolation="inprocess"))) as s:
        yield s


def test_consecutive_runs_share_a_kept_thread(sb):
    for _ in range(3):
        assert sb.run("python", "print(1)", memory_mb=256).stdout == "1\n"
    before = {t.ident for t in _run_threads()}
    for _ in range(20):
        assert sb.run("python", "print(1)", memory_mb=256).stdout == "1\n"
    assert {t.ident for t in _run_threads()} == before  # no thread started for these 20 runs
    assert len(before) <= R._IDLE_PER_SIZE


def test_a_timeout_never_reaches_the_next_run_on_the_same_thread(sb):
    # Deadlines that fall while the program is ending, or just after it ended, race the watchdog's
    # asynchronous exception with the run's end; the next runs must all answer as if alone.
    spin = "import time\nt = time.monotonic()\nwhile time.monotonic() - t < {d}:\n    pass\nprint('end')"
    for i in range(40):
        d = 0.02 + (i % 5) * 0.002
        r = sb.run("python", spin.format(d=d), timeout=0.025, memory_mb=256)
        assert r.status in ("ok", "timeout"), (r.status, r.stderr)
        for _ in range(3):
            r = sb.run("python", "s = 0\nfor i in range(20000):\n    s += i\nprint(s)", timeout=10, memory_mb=256)
            assert (r.status, r.stdout) == ("ok", "199990000\n"), (i, r.status, r.stderr)


def test_a_stopped_run_retires_its_thread(sb):
    sb.run("python", "print(1)", memory_mb=256)
    seen = {t.ident for t in _run_threads()}
    r = sb.run("python", "while True:\n    pass", timeout=0.2, memory_mb=256)
    assert r.status == "timeout"
    for _ in range(50):  # the retired thread ends once it has handed back the result
        if not ({t.ident for t in _run_threads()} - seen) and len(_run_threads()) < len(seen):
            break
        threading.Event().wait(0.05)
    # the thread that ran the endless loop is gone; a new run starts a new one or takes another kept one
    assert len(_run_threads()) < len(seen) or not seen
    assert sb.run("python", "print(2)", memory_mb=256).stdout == "2\n"


def test_a_run_that_grew_the_process_retires_its_thread(sb):
    sb.run("python", "print(1)", memory_mb=256)
    n = len(_run_threads())
    r = sb.run("python", "x = bytearray(64 << 20)\nprint(len(x))", memory_mb=256)
    assert r.stdout == f"{64 << 20}\n", r.stderr
    for _ in range(50):
        if len(_run_threads()) < n:
            break
        threading.Event().wait(0.05)
    assert len(_run_threads()) < n


def test_per_thread_state_does_not_pass_to_the_next_run(sb):
    r = sb.run("python", "import decimal\ndecimal.getcontext().prec = 3\nprint(decimal.Decimal(1) / 7)",
               memory_mb=256)
    assert r.stdout == "0.143\n", r.stderr
    r = sb.run("python", "import decimal\nprint(decimal.getcontext().prec, decimal.Decimal(1) / 7)", memory_mb=256)
    assert r.stdout == "28 0.1428571428571428571428571429\n", r.stderr


def test_concurrent_runs_each_get_a_thread(sb):
    import time
    out: list = []

    def one():
        out.append(sb.run("python", "import time\nt = time.monotonic()\nwhile time.monotonic() - t < 1.5:\n"
                                    "    pass\nprint('ok')", timeout=60, memory_mb=256))

    threads = [threading.Thread(target=one) for _ in range(6)]
    for t in threads:
        t.start()
    most = 0
    while any(t.is_alive() for t in threads):
        most = max(most, len(_run_threads()))
        time.sleep(0.01)
    assert [r.stdout for r in out] == ["ok\n"] * 6
    assert most >= 6  # six runs at once, six threads: none waits for another's thread
