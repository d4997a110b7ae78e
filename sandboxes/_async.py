"""asyncio for ``Sandbox``: ``arun``, ``arun_many`` and ``astream``.

A run goes on in a thread of this module's own pool (it waits on a worker's pipe, or runs an
in-process engine), never on the event loop. What the caller does from the loop reaches the
run through its ``RunControl`` (``sandboxes._control``): output comes back to the loop through
a ``_Relay`` (one wake-up of the loop per batch of chunks, however many the program writes),
and cancelling the awaiting task cancels the control, which kills the worker child, terminates
the V8 isolate or stops the guest, then waits (``SETTLE_S`` at most) for the thread to end so
that the worker is free again when the ``CancelledError`` arrives.

Imported on first use only (``import sandboxes`` does not import asyncio).
"""

from __future__ import annotations

import asyncio
import inspect
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ._control import Chunk, OutputCallback, RunControl
from .errors import SandboxError
from .result import Result

if TYPE_CHECKING:
    from .api import Sandbox, _Call

SETTLE_S = 5.0  # after a cancel: how long the cancelled task waits for its run's thread to end
MAX_THREADS = 64  # runs in flight at once across all loops (each mostly waits on a pipe)

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=MAX_THREADS, thread_name_prefix="sandboxes-arun")
        return _executor


def _after_fork_in_child() -> None:
    """A forked child has none of the pool's threads: it starts a pool of its own on first use."""
    global _executor, _executor_lock
    _executor, _executor_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


class _Relay:
    """Output from the run's thread to ``on_output`` on the event loop, in order.

    A sync callback is called on the loop; an async one is awaited there before the next chunk.
    An exception from the callback cancels the run, and ``arun`` raises it.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, callback: OutputCallback) -> None:
        self.loop = loop
        self.callback = callback
        self.lock = threading.Lock()
        self.pending: list[tuple[str, str]] = []
        self.scheduled = False
        self.queue: asyncio.Queue[tuple[str, str] | None] = asyncio.Queue()
        self.error: BaseException | None = None
        self.control: RunControl | None = None
        self.task = loop.create_task(self._consume())

    def emit(self, stream: str, text: str) -> None:
        """From any thread (the run's): queue a chunk, waking the loop once per batch."""
        with self.lock:
            if self.pending and self.pending[-1][0] == stream:
                self.pending[-1] = (stream, self.pending[-1][1] + text)
            else:
                self.pending.append((stream, text))
            if self.scheduled:
                return
            self.scheduled = True
        try:
            self.loop.call_soon_threadsafe(self._wake)
        except RuntimeError:  # the loop is closed: nobody is listening any more
            pass

    def _wake(self) -> None:
        with self.lock:
            items, self.pending = self.pending, []
            self.scheduled = False
        for item in items:
            self.queue.put_nowait(item)

    async def _consume(self) -> None:
        while True:
            item = await self.queue.get()
            if item is None:
                return
            if self.error is not None:
                continue
            try:
                got = self.callback(*item)
                if inspect.isawaitable(got):
                    await got
            except Exception as e:  # noqa: BLE001 - raised from arun once the run has stopped
                self.error = e
                if self.control is not None:
                    self.control.cancel()

    async def close(self) -> None:
        """After the run's thread ended: deliver what is left, then raise the callback's error."""
        self._wake()
        self.queue.put_nowait(None)
        await self.task
        if self.error is not None:
            raise self.error

    def abandon(self) -> None:
        self.task.cancel()


def _check_callback(on_output: Any) -> None:
    if on_output is not None and not callable(on_output):
        raise SandboxError(f"on_output must be callable, got {type(on_output).__name__}")


async def arun(sandbox: Sandbox, lang: Any, code: Any, *, stdin: Any = "", timeout: Any = None,
               memory_mb: Any = None, policy: Any = None, on_output: OutputCallback | None = None) -> Result:
    """``Sandbox.arun``: check the call on the loop (caller mistakes raise here), run it in a thread."""
    t0 = time.perf_counter()
    call = sandbox._prepare(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb, policy=policy)
    _check_callback(on_output)
    return await _run_call(call, t0, on_output)


async def _run_call(call: _Call, t0: float, on_output: OutputCallback | None) -> Result:
    loop = asyncio.get_running_loop()
    relay = _Relay(loop, on_output) if on_output is not None else None
    control = RunControl(relay.emit if relay is not None else None)
    if relay is not None:
        relay.control = control
    fut = asyncio.wrap_future(_pool().submit(call.sandbox._execute, call, t0, control), loop=loop)
    try:
        result = await asyncio.shield(fut)
    except asyncio.CancelledError:
        control.cancel()
        if relay is not None:
            relay.abandon()
        fut.add_done_callback(_swallow)
        await asyncio.wait({fut}, timeout=SETTLE_S)  # the worker is free again when this returns
        raise
    except BaseException:
        if relay is not None:
            relay.abandon()
        raise
    if relay is not None:
        await relay.close()
    return result


def _swallow(fut: asyncio.Future[Any]) -> None:
    if not fut.cancelled():
        fut.exception()  # retrieved: a cancelled run's late error is nobody's


async def arun_many(sandbox: Sandbox, jobs: Iterable[Mapping[str, Any] | Sequence[Any]], *, concurrency: int = 2,
                    return_exceptions: bool = False) -> list[Result | SandboxError]:
    """``Sandbox.arun_many``: ``run_many``'s jobs and outcomes, at most ``concurrency`` runs at once."""
    from .api import _batch_outcomes

    calls = sandbox._prepare_jobs(jobs, concurrency, return_exceptions, "arun_many")
    gate = asyncio.Semaphore(concurrency)

    async def one(call: Any) -> Result | SandboxError:
        if isinstance(call, SandboxError):
            return call
        async with gate:
            try:
                return await _run_call(call, time.perf_counter(), None)
            except SandboxError as e:
                return e

    outcomes: list[Result | SandboxError] = list(await asyncio.gather(*(one(c) for c in calls)))
    return _batch_outcomes(outcomes, return_exceptions)


class OutputStream:
    """A run whose output is read as it comes: ``async for chunk in stream`` (``Chunk(stream, text)``).

    The run starts at the first ``async for`` or ``await``; after the chunks, ``result`` is the
    Result (``await stream`` returns it too). ``async with`` cancels the run if the block is left
    before it ended; ``aclose()`` does so explicitly.
    """

    def __init__(self, call: _Call, t0: float) -> None:
        self._call = call
        self._t0 = t0
        self._queue: asyncio.Queue[Chunk | None] | None = None
        self._task: asyncio.Task[Result] | None = None
        self._ended = False
        self.result: Result | None = None

    def _start(self) -> asyncio.Task[Result]:
        if self._task is None:
            self._queue = asyncio.Queue()
            self._task = asyncio.get_running_loop().create_task(self._run())
        return self._task

    async def _run(self) -> Result:
        assert self._queue is not None
        queue = self._queue
        try:
            self.result = await _run_call(self._call, self._t0, lambda s, t: queue.put_nowait(Chunk(s, t)))
            return self.result
        finally:
            queue.put_nowait(None)

    def __aiter__(self) -> OutputStream:
        self._start()
        return self

    async def __anext__(self) -> Chunk:
        task = self._start()
        assert self._queue is not None
        if not self._ended:
            item = await self._queue.get()
            if item is not None:
                return item
            self._ended = True
        await task  # the run's own error, if it raised
        raise StopAsyncIteration

    def __await__(self) -> Any:
        return self._start().__await__()

    async def aclose(self) -> None:
        """Cancel the run if it is still going and wait for it to stop."""
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise
        self._ended = True

    async def __aenter__(self) -> OutputStream:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()


def astream(sandbox: Sandbox, lang: Any, code: Any, *, stdin: Any = "", timeout: Any = None, memory_mb: Any = None,
            policy: Any = None) -> OutputStream:
    t0 = time.perf_counter()
    call = sandbox._prepare(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb, policy=policy)
    return OutputStream(call, t0)
