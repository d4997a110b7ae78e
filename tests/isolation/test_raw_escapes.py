"""The kernel layers hold when the language layer is bypassed.

Every test here runs *host-level* Python in a confined child (the test-only raw
mode of the fork server): no RestrictedPython, no guards. What stops the code
is rlimits, seccomp, Landlock, the namespaces or the parent's SIGKILL.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.isolation.isolation_helpers import ALL_LAYERS, LIMITS

from sandboxes.policy import Limits


def test_plain_code_runs_with_every_layer(raw):
    r = raw.run("print(sum(range(10)))", stdin="", limits=LIMITS)
    assert r.status == "ok", r
    assert r.stdout == "45\n"
    assert r.isolation == ALL_LAYERS
    assert r.extra["isolation_missing"] == []


def test_stdin_reaches_the_program(raw):
    r = raw.run("import sys; print(sys.stdin.read().upper())", stdin="héllo", limits=LIMITS)
    assert (r.status, r.stdout) == ("ok", "HÉLLO\n")


@pytest.mark.parametrize("code", [
    "import os; os.fork()",
    "import subprocess; subprocess.run(['/bin/true'])",
    "import os; os.execv('/bin/sh', ['sh', '-c', 'true'])",
    "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
    "import socket; socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
    "import socket; socket.socketpair()",
    "import threading; threading.Thread(target=print).start()",
    "import ctypes; ctypes.CDLL(None).syscall(101, 16, 1, 0, 0)",  # ptrace(PTRACE_ATTACH, 1) on x86_64
    "import ctypes; ctypes.CDLL(None).unshare(0x10000000)",
    "import ctypes; ctypes.CDLL(None).mount(b'none', b'/tmp', b'tmpfs', 0, None)",
    "import ctypes; ctypes.CDLL(None).syscall(425, 8, 0)",  # io_uring_setup
])
def test_process_network_and_kernel_calls_are_killed_by_seccomp(raw, code):
    r = raw.run(code, stdin="", limits=LIMITS)
    assert r.status == "violation", r
    assert r.extra["stopped_by"] == "seccomp"
    assert r.violations and r.violations[0].kind == "syscall"


def test_signals_to_other_processes_are_refused(raw):
    victim = os.getpid()
    r = raw.run(f"import os, signal; os.kill({victim}, signal.SIGTERM)", stdin="", limits=LIMITS)
    assert r.status == "violation" and r.extra["stopped_by"] == "seccomp"
    r = raw.run("import os, signal; os.kill(os.getppid(), signal.SIGKILL)", stdin="", limits=LIMITS)
    assert r.status == "violation"
    assert raw.run("print('server alive')", stdin="", limits=LIMITS).stdout == "server alive\n"


def test_no_connection_reaches_a_local_listener(raw):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    accepted: list[object] = []

    def accept() -> None:
        try:
            accepted.append(listener.accept())
        except OSError:
            pass

    t = threading.Thread(target=accept)
    t.start()
    code = f"import socket; s = socket.create_connection(('127.0.0.1', {port}), timeout=1); s.sendall(b'x')"
    r = raw.run(code, stdin="", limits=LIMITS)
    t.join()
    listener.close()
    assert r.status != "ok"
    assert accepted == []


def test_files_cannot_be_read_or_written(raw, tmp_path: Path):
    r = raw.run("print(open('/etc/passwd').read())", stdin="", limits=LIMITS)
    assert r.status == "error" and "PermissionError" in r.stderr and "root:" not in r.stdout
    os.chmod(tmp_path, 0o777)  # so that only the sandbox, not file permissions, stands in the way
    target = tmp_path / "written.txt"
    r = raw.run(f"open({str(target)!r}, 'w').write('owned')", stdin="", limits=LIMITS)
    assert r.status == "error" and "PermissionError" in r.stderr
    assert not target.exists()
    r = raw.run("import os; print(os.listdir('/'))", stdin="", limits=LIMITS)
    assert r.status == "error"


def test_host_environment_is_not_visible(raw):
    os.environ["SANDBOXES_TEST_SECRET"] = "s3cret"
    try:
        backend_env = raw.run("import os; print(sorted(os.environ))", stdin="", limits=LIMITS)
    finally:
        del os.environ["SANDBOXES_TEST_SECRET"]
    assert "SANDBOXES_TEST_SECRET" not in backend_env.stdout
    assert "s3cret" not in backend_env.stdout


def test_segfault_is_a_crash_not_a_host_exception(raw):
    r = raw.run("import ctypes; ctypes.string_at(0)", stdin="", limits=LIMITS)
    assert r.status == "error" and "worker crashed: SIGSEGV" in r.stderr
    r = raw.run("import os, signal; os.kill(os.getpid(), signal.SIGABRT)", stdin="", limits=LIMITS)
    assert r.status == "error" and "worker crashed: SIGABRT" in r.stderr
    assert raw.run("print(2)", stdin="", limits=LIMITS).stdout == "2\n"


def test_c_level_loop_is_killed_at_the_deadline(raw):
    t0 = time.monotonic()
    r = raw.run("sum(range(10**12))", stdin="", limits=Limits(timeout_s=1.0, memory_mb=512))
    elapsed = time.monotonic() - t0
    assert r.status == "timeout" and r.extra["stopped_by"] == "deadline"
    assert 0.9 <= elapsed <= 1.5, elapsed
    assert raw.run("print(3)", stdin="", limits=LIMITS).stdout == "3\n"


def test_huge_power_is_killed_at_the_deadline(raw):
    r = raw.run("x = 10**10**9", stdin="", limits=Limits(timeout_s=1.0, memory_mb=512))
    assert r.status in ("timeout", "memory_limit"), r


@pytest.mark.parametrize("code", ["x = bytearray(4 * 2**30)", "x = 'x' * (4 * 2**30)", "x = [0] * (2**30)"])
def test_large_allocations_hit_the_address_space_limit(raw, code):
    r = raw.run(code, stdin="", limits=LIMITS)
    assert r.status == "memory_limit", r
    assert r.extra["stopped_by"] == "rlimit"


def test_memory_limit_is_relative_to_the_warm_interpreter(raw):
    ok = raw.run("x = bytearray(100 * 2**20); print(len(x))", stdin="", limits=Limits(memory_mb=200))
    assert ok.status == "ok", ok
    too_much = raw.run("x = bytearray(300 * 2**20)", stdin="", limits=Limits(memory_mb=200))
    assert too_much.status == "memory_limit"


def test_cpu_rlimit_is_set_from_the_timeout(raw):
    r = raw.run("import resource; print(resource.getrlimit(resource.RLIMIT_CPU))", stdin="",
                limits=Limits(timeout_s=1.5, memory_mb=512))
    soft, hard = eval(r.stdout)
    assert 3 <= soft <= 4 and hard == soft + 1


def test_rlimits_cannot_be_raised_again(raw):
    code = "import resource; resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY,) * 2)"
    r = raw.run(code, stdin="", limits=LIMITS)
    assert r.status == "error" and "ValueError" in r.stderr


def test_output_flood_is_capped(raw):
    r = raw.run("print('x' * 10_000_000)", stdin="", limits=Limits(max_output_bytes=1000))
    assert r.status == "output_limit"
    assert len(r.stdout) <= 1000


def test_writing_garbage_into_the_result_pipe_is_contained(raw):
    # Find the result pipe among the inherited descriptors and flood it: the host's byte cap ends the run.
    code = ("import os\n"
            "for fd in range(3, 16):\n"
            "    try:\n"
            "        os.write(fd, (2**62).to_bytes(8, 'big') + b'{' * 65536)\n"
            "    except OSError:\n"
            "        pass\n")
    r = raw.run(code, stdin="", limits=Limits(max_output_bytes=1000))
    assert r.status in ("output_limit", "error"), r
    code = ("import os\n"
            "for fd in range(3, 16):\n"
            "    try:\n"
            "        os.write(fd, (5).to_bytes(8, 'big') + b'nojsn')\n"
            "    except OSError:\n"
            "        pass\n")
    r = raw.run(code, stdin="", limits=LIMITS)
    assert r.status == "error" and "malformed" in r.stderr
    assert raw.run("print(4)", stdin="", limits=LIMITS).stdout == "4\n"


def test_children_run_without_root(raw):
    r = raw.run("import os; print(os.getuid(), os.geteuid())", stdin="", limits=LIMITS)
    uid, euid = map(int, r.stdout.split())
    if os.geteuid() == 0:
        assert (uid, euid) == (65534, 65534)  # dropped to nobody before the user namespace
    else:
        assert uid != 0 or euid != 0
    r = raw.run("print(open('/proc/self/status').read())", stdin="", limits=LIMITS)
    assert r.status == "error"


def test_each_run_starts_from_clean_state(raw):
    raw.run("import sys; sys.modules['json'].dumps = None; import builtins; builtins.LEAK = 1", stdin="",
            limits=LIMITS)
    r = raw.run("import json, builtins; print(json.dumps([1]), hasattr(builtins, 'LEAK'))", stdin="",
                limits=LIMITS)
    assert r.stdout == "[1] False\n"


def test_random_state_differs_between_children(raw):
    outs = {raw.run("import random; print(random.random())", stdin="", limits=LIMITS).stdout for _ in range(5)}
    assert len(outs) == 5
