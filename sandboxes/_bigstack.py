"""Threads with a big native stack, for guests whose wasm code runs on the calling thread's stack.

wasmtime runs wasm code on the native stack of the thread that calls it and stops a guest's
recursion at ``max_wasm_stack`` bytes of it; a thread with less stack than that would overflow into
its guard page first, which is a crash, not a trap. The wasm Python engine (CPython's C recursion)
and Go (whose wasm port makes every Go call a wasm call: a DFS 10,000 deep needs more than
wasmtime's default 512 KiB) therefore run their guests on threads of their own whose stack is above
their engine's ``max_wasm_stack``, never on the caller's (the main thread has 8 MiB, minus what its
caller used). A job runs in a copy of the caller's context (the run's control, ``_control.current()``,
is a context variable).
"""

from __future__ import annotations

import contextvars
import logging
import os
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

log = logging.getLogger("sandboxes")

T = TypeVar("T")


@dataclass(frozen=True)
class Deferred(Generic[T]):
    """A job's value for the caller, and what its thread does once the caller has it."""

    value: T
    after: Callable[[], None]


_Job = tuple[contextvars.Context, Callable[[], Any], list[Any], threading.Event]
_all: weakref.WeakSet[BigStack] = weakref.WeakSet()
# threading.stack_size() is the process's: whoever starts a thread with a stack of its own sets it,
# starts the thread and puts it back under this one lock, or a thread started at the same moment by
# another engine (Go's pool, the restricted Python engine's run threads) could get the wrong stack.
_stack_lock = threading.Lock()


def start_thread(target: Callable[[], None], name: str, stack_bytes: int) -> threading.Thread:
    """A started daemon thread with a C stack of ``stack_bytes``. Raises ``RuntimeError``,
    ``MemoryError`` or ``ValueError`` when the system refuses to reserve it."""
    t = threading.Thread(target=target, name=name, daemon=True)
    with _stack_lock:
        old = threading.stack_size()
        try:
            threading.stack_size(stack_bytes)
            t.start()
        finally:
            threading.stack_size(old)
    return t


class BigStack:
    """Threads with ``stack_bytes`` of stack that run one job at a time each, at most ``max_threads``
    of them (further jobs wait for one). Threads are started on demand and kept."""

    def __init__(self, stack_bytes: int, name: str, *, max_threads: int, what: str) -> None:
        self.stack_bytes, self.name, self.max_threads, self.what = stack_bytes, name, max_threads, what
        self._reset()
        _all.add(self)

    def _reset(self) -> None:
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0
        self._threads = 0

    @overload
    def call(self, fn: Callable[[], Deferred[T]]) -> T: ...
    @overload
    def call(self, fn: Callable[[], T]) -> T: ...
    def call(self, fn: Callable[[], Any]) -> Any:
        """``fn()`` on one of the threads, in a copy of the caller's context. If it returns a
        ``Deferred``, the caller gets its value and the thread then calls its ``after`` (before it
        takes another job)."""
        ctx = contextvars.copy_context()
        box: list[Any] = []
        done = threading.Event()
        with self._lock:
            if self._idle == 0 and self._threads < self.max_threads:
                self._spawn()
            self._idle -= 1
        self._jobs.put((ctx, fn, box, done))
        done.wait()
        if box[0] == "error":
            raise box[1]
        return box[1]

    def _spawn(self) -> None:
        start_thread(self._loop, self.name, self.stack_bytes)
        self._threads += 1
        self._idle += 1

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            ctx, fn, box, done = job
            after: Callable[[], None] | None = None
            try:
                value = ctx.run(fn)
                if isinstance(value, Deferred):
                    value, after = value.value, value.after
                box[:] = ["ok", value]
            except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
                box[:] = ["error", e]
            finally:
                done.set()
                if after is not None:
                    try:
                        after()
                    except BaseException:  # noqa: BLE001 - a bug of ours: logged, the thread goes on
                        log.exception("%s failed", self.what)
                with self._lock:
                    self._idle += 1
            del ctx, fn, box, done, job, after


def _after_fork_in_child() -> None:
    for pool in list(_all):
        pool._reset()  # the parent's threads are not in the child


os.register_at_fork(after_in_child=_after_fork_in_child)

__all__ = ["BigStack", "Deferred"]
