"""A local batch in several host processes: each with its own ``Sandbox``, jobs sent in chunks.

One host process running two jobs at once is a bottleneck on a loaded machine (its threads share
one interpreter lock; BENCHMARKS.md, "Batch grading"). Here the jobs run in ``processes`` host
processes started for the batch (``python -c``, the caller's environment, nothing of this
process's threads or ``__main__`` inherited), each with one ``Sandbox`` of the policy running one
chunk at a time. Chunks and results are pickled frames over the process's stdin and a private copy
of its stdout (the processes are this library's own, as trusted as this one; guest code runs in
their sandboxes' workers). The loop, the retries of the jobs of a process that died and "never
counted twice" are ``_chunks.run_chunks``, as on Dask: a process that dies (killed, out of memory)
fails only its own chunks, and is replaced at the next chunk.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ._chunks import Chunk, Pairs, run_chunks
from ._jobs import run_job

DEFAULT_CHUNK = 2  # jobs per chunk: a Python job is ~10 ms of CPU, a chunk's round trip ~0.2 ms
PER_PROCESS = 2  # chunks in flight per process: the next one is there when it finishes one
_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); "
         "from sandboxes._batch._procs import _child_main; _child_main(sys.argv[2])")


class HostDied(Exception):
    """The host process running a chunk ended before it answered."""


def _write(fh: IO[bytes], obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(len(data).to_bytes(8, "big") + data)
    fh.flush()


def _read(fh: IO[bytes]) -> Any:
    head = fh.read(8)
    if len(head) < 8:
        raise EOFError
    n = int.from_bytes(head, "big")
    data = fh.read(n)
    if len(data) < n:
        raise EOFError
    return pickle.loads(data)  # noqa: S301 - between this library's own processes; guest code never reaches them


def _child_main(policy_b64: str) -> None:
    """A host process of the batch: chunks in on stdin, results out, until stdin ends."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever prints to stdout here cannot corrupt the frames
    policy = pickle.loads(base64.b64decode(policy_b64))  # noqa: S301 - from the batch's own process
    from . import _sized_sandbox

    sandbox = _sized_sandbox(policy, 1)
    inp = sys.stdin.buffer
    while True:
        try:
            key, chunk = _read(inp)
        except EOFError:
            break
        _write(out, (key, [(seq, run_job(sandbox, job, seq)) for seq, job in chunk]))
    sandbox.close()


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


class _Host:
    """One host process and the chunks it holds; its answers (or its death) go to ``done``."""

    def __init__(self, policy: Any, done: queue.SimpleQueue[tuple[int, Any]]) -> None:
        self.done = done
        self.held: set[int] = set()
        self.lock = threading.Lock()
        self.dead = False  # the reader has reported what it held: a later chunk is answered at once
        arg = base64.b64encode(pickle.dumps(policy)).decode()
        self.proc = subprocess.Popen([sys.executable, "-c", _BOOT, _package_root(), arg],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.thread = threading.Thread(target=self._answers, name="sandboxes-batch-host", daemon=True)
        self.thread.start()

    def alive(self) -> bool:
        return self.proc.poll() is None and self.thread.is_alive()

    def send(self, key: int, chunk: Chunk) -> None:
        with self.lock:
            if self.dead:
                self.done.put((key, HostDied("it had ended")))
                return
            self.held.add(key)
        try:
            assert self.proc.stdin is not None
            _write(self.proc.stdin, (key, chunk))
        except (OSError, ValueError):  # gone: the reader reports every chunk it held
            self.proc.kill()

    def _answers(self) -> None:
        assert self.proc.stdout is not None
        try:
            while True:
                key, pairs = _read(self.proc.stdout)
                with self.lock:
                    self.held.discard(key)
                self.done.put((key, pairs))
        except Exception:  # noqa: BLE001, S110 - end of file, or a frame cut short by the death
            pass
        self.proc.kill()
        status = self.proc.wait()
        with self.lock:
            self.dead = True
            lost, self.held = self.held, set()
        for key in lost:
            self.done.put((key, HostDied(f"exit status {status}")))

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.thread.join(timeout=5)


def run_procs(jobs: Iterator[Any], *, processes: int, policy: Any,
              chunk_size: int | None) -> Iterator[tuple[int, dict[str, Any]]]:
    done: queue.SimpleQueue[tuple[int, Any]] = queue.SimpleQueue()
    hosts: list[_Host | None] = [None] * processes
    keys = itertools.count()

    def submit(chunk: Chunk) -> int:
        for i, h in enumerate(hosts):  # a dead process is replaced
            if h is None or not h.alive():
                if h is not None:
                    h.close()
                hosts[i] = _Host(policy, done)
        host = min((h for h in hosts if h is not None), key=lambda h: len(h.held))
        key = next(keys)
        host.send(key, chunk)
        return key

    def next_done() -> tuple[Any, Callable[[], Pairs]]:
        key, outcome = done.get()

        def get() -> Pairs:
            if isinstance(outcome, BaseException):
                raise outcome
            return outcome  # type: ignore[no-any-return]

        return key, get

    try:
        yield from run_chunks(jobs, submit=submit, next_done=next_done,
                              is_death=lambda e: isinstance(e, HostDied), chunk_size=chunk_size or DEFAULT_CHUNK,
                              window=PER_PROCESS * processes, who="the batch's host processes")
    finally:
        for h in hosts:
            if h is not None:
                h.close()
