"""The compiler processes the Go runtime starts (``go build``, the module compiler): none outlives
this interpreter, and none belongs to a process forked from it."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import threading
from collections.abc import Iterator


class _Live:
    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        # A forked child owns none of its parent's compilers (its exit must not kill them), and a lock
        # another thread held at the fork would never be released in the child.
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen[bytes]] = set()

    @contextlib.contextmanager
    def tracking(self, proc: subprocess.Popen[bytes]) -> Iterator[None]:
        """``proc`` is killed at exit while the block runs."""
        with self._lock:
            self._procs.add(proc)
        try:
            yield
        finally:
            with self._lock:
                self._procs.discard(proc)

    def __len__(self) -> int:
        with self._lock:
            return len(self._procs)

    def kill_all(self) -> None:
        with self._lock:
            procs = list(self._procs)
        for p in procs:
            kill_group(p)


live = _Live()
os.register_at_fork(after_in_child=live._reset)
atexit.register(live.kill_all)


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process group ``proc`` leads (it was started with ``process_group=0``), then ``proc``."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.kill()
    except ProcessLookupError:
        pass


__all__ = ["kill_group", "live"]
