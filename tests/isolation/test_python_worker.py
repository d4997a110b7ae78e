"""Python's default path: the RestrictedPython runtime inside confined fork-per-run children."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.isolation.isolation_helpers import (
    ALL_LAYERS,
    LIMITS,
    descendants,
    open_fds,
    settle,
    spares_settled,
    worker_processes,
)

import sandboxes
from sandboxes.isolation import WorkerBackend
from sandboxes.policy import Limits, default_policy

pytest.importorskip("RestrictedPython")


@pytest.fixture(scope="module")
def py():
    with WorkerBackend("python", default_policy()) as b:
        yield b


def test_ok_run_reports_every_layer(py):
    r = py.run("import math\nprint(math.sqrt(16))", stdin="", limits=LIMITS)
    assert (r.status, r.stdout) == ("ok", "4.0\n")
    assert r.isolation == ALL_LAYERS


def test_facade_uses_the_worker_by_default():
    r = sandboxes.run("python", "print(input()[::-1])", stdin="abc")
    assert (r.status, r.stdout) == ("ok", "cba\n")
    assert "seccomp" in r.isolation and r.extra["worker"] == "fork"


def test_language_layer_still_refuses_first(py):
    r = py.run("import os\nos.system('id')", stdin="", limits=LIMITS)
    assert r.status == "violation"


def test_c_level_loop_ends_in_time(py):
    t0 = time.monotonic()
    r = py.run("print(sum(range(10**12)))", stdin="", limits=Limits(timeout_s=1.0, memory_mb=512))
    elapsed = time.monotonic() - t0
    assert r.status in ("timeout", "violation", "memory_limit"), r
    assert elapsed <= 1.5
    assert py.run("print(1)", stdin="", limits=LIMITS).stdout == "1\n"


def test_catastrophic_regex_ends_in_time(py):
    t0 = time.monotonic()
    r = py.run("import re\nprint(re.match('(a+)+$', 'a' * 64 + 'b'))", stdin="",
               limits=Limits(timeout_s=1.0, memory_mb=512))
    elapsed = time.monotonic() - t0
    assert r.status == "timeout", r
    assert 0.9 <= elapsed <= 1.5, elapsed


def test_huge_power_is_refused(py):
    r = py.run("x = 10**10**9", stdin="", limits=Limits(timeout_s=2.0, memory_mb=512))
    assert r.status in ("memory_limit", "violation", "timeout"), r


@pytest.mark.parametrize("code", ["x = bytearray(4 * 2**30)", "x = 'x' * (4 * 2**30)"])
def test_four_gigabytes_is_a_memory_limit(py, code):
    r = py.run(code, stdin="", limits=LIMITS)
    assert r.status == "memory_limit", r


def test_allocation_below_the_cap_works_and_above_fails(py):
    ok = py.run("x = bytearray(50 * 2**20)\nprint(len(x))", stdin="", limits=Limits(memory_mb=128))
    assert ok.status == "ok", ok
    # one count above the limit is refused before C allocates (the language layer)...
    one = py.run("x = bytearray(200 * 2**20)", stdin="", limits=Limits(memory_mb=128))
    assert one.status == "memory_limit" and one.extra["stopped_by"] == "language", one
    # ...and counts each below it that add up to more are stopped by the kernel's rlimit
    over = py.run("x = bytearray(100 * 2**20)\ny = bytearray(100 * 2**20)\nprint('KEPT')", stdin="",
                  limits=Limits(memory_mb=128))
    assert over.status == "memory_limit" and "KEPT" not in over.stdout, over
    assert over.extra["stopped_by"] == "rlimit"


def test_output_flood(py):
    r = py.run("while True:\n    print('x' * 1000)", stdin="", limits=Limits(max_output_bytes=10_000))
    assert r.status == "output_limit"
    assert len(r.stdout) <= 10_000


def test_timeout_of_one_second_then_the_next_run(py):
    t0 = time.monotonic()
    r = py.run("while True:\n    pass", stdin="", limits=Limits(timeout_s=1.0))
    elapsed = time.monotonic() - t0
    assert r.status == "timeout" and 0.9 <= elapsed <= 1.5, (r, elapsed)
    assert py.run("print('after')", stdin="", limits=LIMITS).stdout == "after\n"


def test_hundred_runs_no_leaks(py):
    py.run("pass", stdin="", limits=LIMITS)  # server started, spares forked
    spares = default_policy().python.workers
    srv = py._impl._srv  # white-box: this backend's fork server
    assert settle(lambda: spares_settled(srv, spares))
    procs_before = descendants()
    fds = open_fds()
    for i in range(100):
        r = py.run(f"print({i} + 1)", stdin="", limits=LIMITS)
        assert r.stdout == f"{i + 1}\n"
    assert settle(lambda: spares_settled(srv, spares) and open_fds() == fds), (open_fds(), fds)
    # no worker process of ours besides the server's fresh spares (other fixtures' come and go)
    assert settle(lambda: not worker_processes(descendants() - procs_before - descendants(srv.proc.pid)))


def test_eight_threads_two_hundred_mixed_runs(py):
    programs = [
        ("print(sum(range({i})))", lambda i, r: r.stdout == f"{sum(range(i))}\n"),
        ("print(input() * 2)", lambda i, r: r.stdout == f"{i}{i}\n"),
        ("raise ValueError({i})", lambda i, r: r.status == "error" and f"ValueError: {i}" in r.stderr),
        ("import subprocess", lambda i, r: r.status == "violation"),
        ("x = bytearray(2**33)", lambda i, r: r.status == "memory_limit"),
        ("while True:\n    pass", lambda i, r: r.status == "timeout"),
    ]

    def job(i: int) -> bool:
        code, ok = programs[i % len(programs)]
        lim = Limits(timeout_s=0.5) if "while" in code else LIMITS
        r = py.run(code.format(i=i), stdin=str(i), limits=lim)
        return bool(ok(i, r))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(job, range(200)))
    assert [i for i, ok in enumerate(results) if not ok] == []


def test_run_many_through_the_facade():
    jobs = [("python", f"print({i} * {i})") for i in range(20)]
    with sandboxes.Sandbox() as sb:
        results = sb.run_many(jobs, concurrency=4)
    assert [r.stdout for r in results] == [f"{i * i}\n" for i in range(20)]
