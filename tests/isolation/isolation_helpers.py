"""Process and fd counting for the leak tests of the process layer."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sandboxes.policy import Limits

LIMITS = Limits(timeout_s=2.0, memory_mb=512, max_output_bytes=1 << 20)
ALL_LAYERS = ("language", "process", "rlimits", "no_new_privs", "seccomp", "landlock", "userns", "netns")


def descendants(pid: int | None = None) -> set[int]:
    """Every live descendant process of ``pid`` (default: this test process)."""
    root = os.getpid() if pid is None else pid
    parent: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        parent[int(entry.name)] = int(fields[1])
    out: set[int] = set()
    frontier = [root]
    while frontier:
        p = frontier.pop()
        for child, pp in parent.items():
            if pp == p and child not in out:
                out.add(child)
                frontier.append(child)
    return out


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))




def settle(predicate, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    """Poll ``predicate`` until it holds or ``timeout`` passes (children exit asynchronously)."""
    end = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() > end:
            return False
        time.sleep(0.02)


def spares_settled(srv, spares: int) -> bool:  # type: ignore[no-untyped-def]
    """The fork server ``srv`` has ``spares`` children and the host holds each one's descriptors
    (a spare is forked before its descriptors reach the host through SCM_RIGHTS)."""
    return len(descendants(srv.proc.pid)) == spares and len(srv.spares) == spares


def worker_processes(pids: set[int]) -> set[int]:
    """Those of ``pids`` that are sandboxes worker processes (fork servers, workers and their children)."""
    out = set()
    for pid in pids:
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"sandboxes.isolation._server" in argv:
            out.add(pid)
    return out
