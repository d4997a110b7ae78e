"""The worker pool: leaks, concurrency, restarts, shutdown, fail-closed policies, root and non-root."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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

from sandboxes.errors import ClosedError, RuntimeUnavailableError
from sandboxes.isolation import WorkerBackend, doctor
from sandboxes.isolation._backend import _check_required
from sandboxes.policy import Limits, default_policy, parse_policy

ROOT = Path(__file__).resolve().parents[2]


def test_hundred_runs_leak_no_fds_or_processes(raw):
    raw.run("pass", stdin="", limits=LIMITS)  # server started, spares forked
    spares = default_policy().python.workers
    srv = raw._impl._srv  # white-box: this backend's fork server
    server = srv.proc.pid
    assert settle(lambda: spares_settled(srv, spares))
    procs_before = descendants()
    fds_before = open_fds()
    for i in range(100):
        code = ("import os; os.fork()", f"print({i})", "import ctypes; ctypes.string_at(0)", "while 1: pass")[i % 4]
        lim = Limits(timeout_s=0.3) if i % 4 == 3 else LIMITS
        r = raw.run(code, stdin="", limits=lim)
        assert r.status == ("violation", "ok", "error", "timeout")[i % 4], (i, r)
    assert settle(lambda: spares_settled(srv, spares) and open_fds() == fds_before), (open_fds(), fds_before)
    assert settle(lambda: len(descendants(server)) == spares)
    # New processes of this test process that are sandboxes workers, other than the server's
    # fresh spares (checked above): other session fixtures (a Go compiler child, a JavaScript worker replaced after
    # its runs) may come and go meanwhile and are not this backend's.
    def leaked() -> set[int]:
        return worker_processes(descendants() - procs_before - descendants(server))

    assert settle(lambda: not leaked()), leaked()


def test_eight_threads_two_hundred_mixed_runs(raw):
    def job(i: int) -> tuple[int, object]:
        kind = i % 5
        if kind == 0:
            r = raw.run(f"print({i} * 2)", stdin="", limits=LIMITS)
            return i, (r.status, r.stdout) == ("ok", f"{i * 2}\n")
        if kind == 1:
            r = raw.run("import sys; print(sys.stdin.read()[::-1])", stdin=f"abc{i}", limits=LIMITS)
            return i, (r.status, r.stdout) == ("ok", f"abc{i}"[::-1] + "\n")
        if kind == 2:
            r = raw.run("raise ValueError('boom')", stdin="", limits=LIMITS)
            return i, r.status == "error" and "ValueError: boom" in r.stderr
        if kind == 3:
            r = raw.run("import socket; socket.socket()", stdin="", limits=LIMITS)
            return i, r.status == "violation"
        r = raw.run("x = bytearray(2**33)", stdin="", limits=LIMITS)
        return i, r.status == "memory_limit"

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(job, range(200)))
    bad = [i for i, ok in results if not ok]
    assert bad == []


def test_killed_fork_server_is_restarted_transparently():
    with WorkerBackend("python", default_policy(), _raw=True) as b:
        assert b.run("print(1)", stdin="", limits=LIMITS).stdout == "1\n"
        server = b._impl._srv.proc.pid  # white-box: the server process
        os.kill(server, signal.SIGKILL)
        results = [b.run("print(2)", stdin="", limits=LIMITS) for _ in range(3)]
        assert all(r.status in ("ok", "error") for r in results)
        assert results[-1].stdout == "2\n"
        assert b._impl._srv.proc.pid != server


def test_server_death_during_a_run_is_an_error_result():
    with WorkerBackend("python", default_policy(), _raw=True) as b:
        b.run("pass", stdin="", limits=LIMITS)
        server = b._impl._srv.proc.pid
        import threading

        threading.Timer(0.3, os.kill, (server, signal.SIGKILL)).start()
        r = b.run("while True: pass", stdin="", limits=Limits(timeout_s=3.0))
        assert r.status == "error" and "worker crashed" in r.stderr
        assert b.run("print(5)", stdin="", limits=LIMITS).stdout == "5\n"


def test_close_leaves_no_processes_and_is_idempotent():
    before = descendants()
    b = WorkerBackend("python", default_policy(), _raw=True)
    b.run("pass", stdin="", limits=LIMITS)
    assert len(descendants() - before) >= 1
    b.close()
    b.close()
    assert settle(lambda: descendants() - before == set())
    with pytest.raises(ClosedError):
        b.run("pass", stdin="", limits=LIMITS)


def test_timeout_of_one_second_and_the_next_run(raw):
    t0 = time.monotonic()
    r = raw.run("while True: pass", stdin="", limits=Limits(timeout_s=1.0))
    elapsed = time.monotonic() - t0
    assert r.status == "timeout" and 0.9 <= elapsed <= 1.5, (r, elapsed)
    assert raw.run("print('next')", stdin="", limits=LIMITS).stdout == "next\n"


def test_required_layers_fail_closed():
    with pytest.raises(RuntimeUnavailableError, match="seccomp: kernel too old"):
        _check_required("python", ("seccomp", "landlock"), ["landlock"], {"seccomp": "kernel too old"})
    _check_required("python", ("seccomp",), ["seccomp", "landlock"], {})
    policy = parse_policy("version: 1\npython:\n  require: [rlimits, no_new_privs, seccomp, landlock]\n")
    available = [n for n, v in doctor()["layers"].items() if v["available"]]
    with WorkerBackend("python", policy, _raw=True) as b:
        if {"rlimits", "no_new_privs", "seccomp", "landlock"} <= set(available):
            assert b.run("print(1)", stdin="", limits=LIMITS).stdout == "1\n"
        else:
            with pytest.raises(RuntimeUnavailableError):
                b.run("print(1)", stdin="", limits=LIMITS)


def test_doctor_reports_every_layer():
    report = doctor()
    assert set(report["layers"]) == {"rlimits", "no_new_privs", "seccomp", "landlock", "userns", "netns"}
    for v in report["layers"].values():
        assert v["available"] or v["reason"]
    if sys.platform.startswith("linux"):
        assert report["layers"]["rlimits"]["available"]


_NONROOT_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from sandboxes.isolation import WorkerBackend
from sandboxes.policy import Limits, Policy
lim = Limits(timeout_s=2.0, memory_mb=512)
with WorkerBackend("python", Policy(), _raw=True) as b:
    out = {
        "ok": b.run("import os; print(os.getuid())", stdin="", limits=lim).to_dict(),
        "fork": b.run("import os; os.fork()", stdin="", limits=lim).to_dict(),
        "file": b.run("open('/etc/hostname').read()", stdin="", limits=lim).to_dict(),
    }
print(json.dumps(out))
"""


def _world_executable(path: str) -> bool:
    """Could an unprivileged user run this interpreter (every directory on the way searchable)?"""
    real = Path(os.path.realpath(path))
    if not real.exists() or not real.stat().st_mode & 0o001:
        return False
    return all(p.stat().st_mode & 0o001 for p in real.parents)


@pytest.mark.skipif(os.geteuid() != 0, reason="the non-root path is what this test process itself exercises")
def test_the_same_layers_hold_for_a_non_root_host():
    # The host process itself runs as nobody here: no privilege drop is possible or needed, and every
    # layer must still be applied unprivileged. The venv's interpreter may live under /root (0700), so use
    # any interpreter nobody can execute; the raw mode needs only the standard library and this package.
    python = next((p for p in (sys.executable, "/usr/bin/python3") if _world_executable(p)), None)
    if python is None:
        pytest.skip("no Python interpreter an unprivileged user can execute")
    # The checkout may sit below a directory nobody cannot enter (a 0700 mktemp dir): give the
    # unprivileged host its own world-readable copy of the package.
    copy = Path(tempfile.mkdtemp(prefix="sandboxes-nonroot-", dir="/tmp"))
    try:
        shutil.copytree(ROOT / "sandboxes", copy / "sandboxes",
                        ignore=shutil.ignore_patterns("__pycache__"), symlinks=False)
        for d in [copy, *copy.rglob("*")]:
            d.chmod(0o755 if d.is_dir() else 0o644)
        proc = subprocess.run([python, "-I", "-c", _NONROOT_SCRIPT, str(copy)], user=65534, group=65534,
                              extra_groups=[], env={"PATH": "/usr/bin:/bin"}, cwd="/", capture_output=True,
                              text=True, timeout=120)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["ok"]["status"] == "ok" and out["ok"]["stdout"] == "65534\n"
    assert tuple(out["ok"]["isolation"]) == ALL_LAYERS
    assert out["fork"]["status"] == "violation"
    assert out["file"]["status"] == "error"
