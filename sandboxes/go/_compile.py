"""Module compilation (Cranelift) in a confined child process, never in the host.

``compile_module(tier, wasm, deadline=..., memory_mb=...)`` starts
``_compile_child.py`` with the tier's settings, feeds it the wasm, and waits
until the deadline; at the deadline the child's process group is killed. The
child caps its own address space, CPU time and output before it reads the
module (see its docstring). What it hands back is wasmtime's serialized
module, which the host deserializes into its own (pooling) engine of the same
tier: engines that differ only in the allocation strategy accept each other's
modules, and one that differs in anything wasmtime checks refuses them.

At most ``max_slots`` compilers run at once (each uses every core); a new
program waits for a slot within its own compile budget and gives up when the
budget ends, so an abandoned compile is never queued ahead of new work.
Background work (the optimizing recompile of a hot program) only takes a slot
that is free at that moment. Every child still running when the interpreter
exits is killed, so no compile keeps the process alive.
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ._children import kill_group, live
from ._wasm import TIERS

CHILD = Path(__file__).resolve().parent / "_compile_child.py"
MAX_OUTPUT_BYTES = 512 << 20  # a serialized module larger than this is refused (RLIMIT_FSIZE in the child)
_ERR_BYTES = 4096


@dataclass(frozen=True)
class Compiled:
    """What one compile produced: ``status`` is ok, timeout, memory, invalid, busy or failed."""

    status: str
    data: bytes | None = None  # wasmtime's serialized module (status ok)
    message: str = ""
    seconds: float = 0.0


class _Slots:
    """A counting semaphore whose waiters give up at their deadline."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.used = 0
        self.cond = threading.Condition()

    def acquire(self, deadline: float, *, wait: bool = True) -> bool:
        with self.cond:
            while self.used >= self.n:
                remaining = deadline - time.monotonic()
                if not wait or remaining <= 0:
                    return False
                self.cond.wait(min(remaining, 1.0) if remaining != math.inf else 1.0)
            self.used += 1
            return True

    def release(self) -> None:
        with self.cond:
            self.used -= 1
            self.cond.notify()


max_slots = max(1, min(os.cpu_count() or 1, 4))
_slots = _Slots(max_slots)


def free_slot() -> bool:
    """Whether a compiler could start now without waiting (background work only starts then)."""
    with _slots.cond:
        return _slots.used < _slots.n


def compile_module(tier: str, wasm: bytes, *, deadline: float, memory_mb: int | None, tmp_root: Path,
                   background: bool = False) -> Compiled:
    """Compile ``wasm`` for ``tier`` in a child process; never raises for what the module contains."""
    t0 = time.monotonic()
    if not _slots.acquire(deadline, wait=not background):
        return Compiled("busy" if background else "timeout", seconds=time.monotonic() - t0)
    try:
        return _run_child(tier, wasm, deadline=deadline, memory_mb=memory_mb, tmp_root=tmp_root, t0=t0)
    finally:
        _slots.release()


def _run_child(tier: str, wasm: bytes, *, deadline: float, memory_mb: int | None, tmp_root: Path,
               t0: float) -> Compiled:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return Compiled("timeout", seconds=time.monotonic() - t0)
    settings = TIERS[tier]
    cpu_s = int(min(remaining, 3600.0) * (os.cpu_count() or 1)) + 2
    cfg = {**settings, "memory_bytes": memory_mb * 1024 * 1024 if memory_mb is not None else None,
           "cpu_s": cpu_s, "max_output_bytes": MAX_OUTPUT_BYTES, "parent_pid": os.getpid()}
    work = Path(tempfile.mkdtemp(prefix="c", dir=tmp_root))
    try:
        out_path, err_path = work / "module.cwasm", work / "stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            try:
                proc = subprocess.Popen(
                    [sys.executable, "-I", str(CHILD), json.dumps(cfg)], stdin=subprocess.PIPE, stdout=out,
                    stderr=err, cwd=work, env=_child_env(work),
                    process_group=0, close_fds=True)
            except OSError as e:
                return Compiled("failed", message=f"cannot start the module compiler: {e.strerror}",
                                seconds=time.monotonic() - t0)
            with live.tracking(proc):
                try:
                    proc.communicate(input=wasm, timeout=max(deadline - time.monotonic(), 0.001))
                except subprocess.TimeoutExpired:
                    kill_group(proc)
                    proc.wait()
                    return Compiled("timeout", seconds=time.monotonic() - t0)
                except BaseException:
                    kill_group(proc)
                    proc.wait()
                    raise
        errtext = _read_head(err_path)
        code = proc.returncode
        secs = time.monotonic() - t0
        if code == 0:
            size = out_path.stat().st_size
            if size == 0 or size >= MAX_OUTPUT_BYTES:
                return Compiled("failed", message="the module compiler produced no usable output", seconds=secs)
            return Compiled("ok", out_path.read_bytes(), seconds=secs)
        if code == 3:
            return Compiled("invalid", message=errtext.strip()[:300], seconds=secs)
        if code == -signal.SIGXCPU:
            return Compiled("timeout", seconds=secs)
        if "memory allocation of" in errtext or "MemoryError" in errtext or code == -signal.SIGABRT \
                or code == -signal.SIGSEGV:
            # Rust aborts when an allocation fails under RLIMIT_AS; a stack guard hit is a SIGSEGV.
            return Compiled("memory", message="module compilation ran out of memory", seconds=secs)
        what = f"signal {-code}" if code < 0 else f"status {code}"
        return Compiled("failed", message=f"the module compiler ended with {what}", seconds=secs)
    finally:
        for f in work.iterdir() if work.exists() else ():
            try:
                f.unlink()
            except OSError:
                pass
        try:
            work.rmdir()
        except OSError:
            pass


def _child_env(work: Path) -> dict[str, str]:
    # HOME is set so that site never looks up the user in the passwd database: glibc would open a
    # socket to nscd, which the seccomp filter of a confined Go worker answers with SIGSYS.
    return {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C", "MALLOC_ARENA_MAX": "2"}


def _read_head(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            return fh.read(_ERR_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""


def _after_fork_in_child() -> None:
    # A slot another thread held at the fork would never be released in the child (the compilers
    # themselves: _children).
    global _slots
    _slots = _Slots(max_slots)


os.register_at_fork(after_in_child=_after_fork_in_child)


__all__ = ["Compiled", "compile_module", "free_slot", "max_slots"]
