"""V8 contexts from mini-racer: a pool of fresh contexts, direct calls, explicit close.

Every run gets a context nobody used before; it is closed right after (by the pool's
background thread, so closing costs the caller nothing). A process that exits with a
``MiniRacer`` still open can hang in the context teardown, so every context is closed
explicitly, including at interpreter exit (``atexit``).

Calls into V8 are made from the caller's thread (``Context.eval``): the task goes straight to
the isolate's own thread and its result comes back through a queue. mini-racer's public
``eval`` instead routes every call through an asyncio loop on another thread (two more thread
hand-offs and a timer per call: 0.27 ms against 0.03 ms here). The loop object still exists,
because mini-racer's context wants one, but it never runs: only uncancelable tasks (callback
id 0, delivered to a plain queue) are ever started, and deadlines are ours.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import os
import queue
import secrets
import threading
import weakref
from collections import deque
from importlib import resources
from typing import Any

import py_mini_racer
from py_mini_racer import MiniRacer
from py_mini_racer._dll import DEFAULT_V8_FLAGS
from py_mini_racer._mini_racer import _make_context

from . import _boot, _rejections

PRELUDE_NAME = "sandboxes-prelude.js"
# The name of the host's own small scripts (calls of the entry point), so that their frames are
# recognised and left out of what a run reports.
HOST_NAME = "sandboxes-host.js"
HEADER_BYTES = 32
# Ceiling for the output buffer when the policy sets no output limit (the buffer is sized
# up front; its pages are only touched when written).
UNLIMITED_OUTPUT_BYTES = 64 << 20
_WAKE = object()  # put in a context's result queue by terminate(): its collect stops waiting

_prelude_text: str | None = None
_loop: asyncio.AbstractEventLoop | None = None
_init_lock = threading.Lock()


def _prelude() -> str:
    global _prelude_text
    if _prelude_text is None:
        text = resources.files("sandboxes.javascript").joinpath("prelude.js").read_text("utf-8")
        _boot.set_source(text, PRELUDE_NAME)
        _prelude_text = text
    return _prelude_text


class _EventLoop(asyncio.SelectorEventLoop):
    """asyncio's loop, woken through ``write(2)`` on its self-pipe instead of ``send(2)``.

    The loop is never run (see the module docstring); this only matters if a mini-racer
    release ever delivered a callback through it. A confined JavaScript worker's seccomp profile
    denies the send family of system calls (there is nothing it may send to); a plain write on
    the same socket wakes a loop alike. Overrides a private method of CPython 3.11's
    ``BaseSelectorEventLoop``.
    """

    def _write_to_self(self) -> None:
        csock = getattr(self, "_csock", None)
        if csock is None:
            return
        try:
            os.write(csock.fileno(), b"\0")
        except OSError:
            pass  # full (the loop is awake anyway) or closed


def prepare_process() -> None:
    """Load everything the engine needs from disk, and leave no thread of ours running.

    A confined worker calls this before it drops root, enters its namespaces and gives up file
    access (Landlock) and sockets (seccomp): the native library and V8's ICU data are loaded
    here, V8 is initialised and its first isolate made and closed (``ensure_v8``), the prelude
    is read, the Python modules a run imports lazily are imported, and the event loop object is
    created (its self-pipe is a ``socketpair``, which the worker's seccomp profile forbids
    later). The pool's threads start on the first run, after confinement.
    """
    import concurrent.futures  # noqa: F401 - used by asyncio.run_coroutine_threadsafe
    import py_mini_racer._context  # noqa: F401
    import py_mini_racer._exc  # noqa: F401
    import py_mini_racer._objects  # noqa: F401
    import py_mini_racer._types  # noqa: F401
    import py_mini_racer._value_handle  # noqa: F401

    from . import _errors, _imports  # noqa: F401

    import encodings.utf_16_le  # noqa: F401 - the output buffer's encoding

    _prelude()
    ensure_v8()


# V8's flags: mini-racer's own, and no memory protection keys. With PKU (Intel since
# Skylake-SP, AMD since Zen 3) V8 allocates a protection key when it initialises and tags code
# memory with it; only the initialising thread, and threads created after it by such threads,
# hold the key's rights, so an isolate created from a thread that already existed (the pool's
# thread, a server's request thread) faults on its first access to code memory. Without the key
# V8 treats code memory as it does on CPUs without PKU.
V8_FLAGS = (*DEFAULT_V8_FLAGS, "--no-memory-protection-keys")
_v8_ready = False


def ensure_v8() -> None:
    """Initialise V8 once per process and finish its first isolate before any other is made.

    mini-racer initialises V8 on the first ``MiniRacer()``, and V8 sets process-wide state up
    when its first isolate is created and first runs code (PartitionAlloc's address-space pools
    among it): two threads doing that at once crash the process. Here it happens under a lock,
    with a whole round trip (create, evaluate, close), before any caller or pool thread can make
    a context; afterwards concurrent creation is safe. That first context is a whole one, whose
    prelude makes the process's code cache (``_boot``): every later context starts from it. Idempotent, and a flag test after the
    first call. Call it before any bare ``MiniRacer()`` too.
    """
    global _loop, _v8_ready
    if _v8_inherited:
        from ..errors import RuntimeUnavailableError

        raise RuntimeUnavailableError(FORKED_AFTER_V8)
    if _v8_ready:
        return
    with _init_lock:
        if _v8_ready:
            return
        py_mini_racer.init_mini_racer(flags=V8_FLAGS, ignore_duplicate_init=True)
        _rejections.available()  # checks the V8 build once (a WARNING if the feature is off)
        if _loop is None:
            _loop = _EventLoop()
        _prelude()
        cm = _make_context(_loop)
        native = cm.__enter__()
        first_done = False
        if _boot.available():
            # The first context is a whole one: its prelude, compiled from source, makes the
            # process's code cache (_boot.py) before any caller or pool thread exists.
            try:
                Context(allow_wasm=False, allow_shared_memory=False, max_output_bytes=1 << 10, memory_mb=None,
                        _first=(cm, native)).close()
                first_done = True
            except Exception as e:  # noqa: BLE001 - V8's own first script decides below
                _boot.disable(f"the first context did not start: {e}")
                cm = _make_context(_loop)
                native = cm.__enter__()
        if not first_done:
            try:
                if _eval_native(native, "1 + 1", 30.0) != 2:
                    raise RuntimeError("V8 did not evaluate its first script")
            finally:
                cm.__exit__(None, None, None)
        _v8_ready = True


def _eval_native(native: Any, code: str, timeout: float) -> Any:
    """One uncancelable eval on a bare mini-racer context, answered through its result queue."""
    handle = native._python_to_value_handle(code)
    task = native._dll.mr_eval(native._ctx, handle.raw, 0)
    try:
        raw = native._non_cancelable_mr_task_results_queue.get(timeout=timeout)
    except queue.Empty:
        native._dll.mr_cancel_task(native._ctx, task)
        raise RuntimeError(f"V8 did not answer within {timeout} s") from None
    return native._value_handle_to_python(raw)


def event_loop() -> asyncio.AbstractEventLoop:
    """The asyncio loop object mini-racer's contexts are bound to. It is never run (see above)."""
    ensure_v8()
    assert _loop is not None
    return _loop


def native_context_count() -> int:
    """Contexts allocated in the native library (all owners in this process)."""
    from py_mini_racer._context import context_count

    return context_count()


def _new_native_context() -> tuple[contextlib.AbstractContextManager[Any], Any]:
    """A native context; V8 is initialised first, alone (``ensure_v8``)."""
    cm = _make_context(event_loop())
    return cm, cm.__enter__()


class _BareMiniRacer(MiniRacer):
    """A MiniRacer on a given context without mini-racer's own setTimeout script.

    ``MiniRacer.__init__`` evaluates a timer implementation that declares non-deletable
    globals built on SharedArrayBuffer and Atomics; the prelude installs its own timers, so
    that script must never run. (mini-racer is pinned to 0.14.x; tests cover this.)
    """

    def __init__(self, context: Any) -> None:  # noqa: D107 - deliberately skips the base init
        self._own_context_maker = None
        self._ctx = context


class Context:
    """One fresh V8 isolate + context with the prelude installed. Used for one run, then closed."""

    def __init__(self, *, allow_wasm: bool, allow_shared_memory: bool, max_output_bytes: int,
                 memory_mb: int | None, _first: tuple[Any, Any] | None = None) -> None:
        # _first: the process's first native context (ensure_v8), whose prelude makes the code cache.
        self._cm: contextlib.AbstractContextManager[Any] | None = None
        self.token = secrets.token_hex(16)
        self.secret = "__sandboxes_" + secrets.token_hex(8)
        self.cap = max_output_bytes
        self.memory_mb = memory_mb
        self.buffer_budget = _buffer_budget(memory_mb)
        config = {"maxOutputBytes": max_output_bytes, "bufferBudget": self.buffer_budget,
                  "wasm": allow_wasm, "sharedMemory": allow_shared_memory}
        args = f"{json.dumps(self.token)}, {json.dumps(self.secret)}, {json.dumps(config)}"
        try:
            self._start(args, _first)
        except _Restart:
            if _first is not None:
                raise RuntimeError("the first context did not start") from None
            # The code cache failed this context (and is now off): a new isolate, from source.
            self._start(args, None)

    def _start(self, args: str, first: tuple[Any, Any] | None) -> None:
        cm, native = first if first is not None else _new_native_context()
        self._cm = cm
        self.mr = _BareMiniRacer(native)
        # Set when the first result delivered has set V8's PromiseRejectCallback on this isolate
        # (_rejections.py); None while unhandled rejections are not detected.
        self.rejections: _rejections.Tracker | None = None
        self.view: memoryview | None = None
        self._keep: list[Any] = []
        self._pending: deque[int] = deque()  # submitted tasks whose result is not collected yet
        self.from_cache = False  # whether the prelude came from the process's code cache (_boot)
        produce = first is not None
        booter = _boot.Booter(native, produce=produce) if _boot.usable(produce) else None
        installed = _install_hooks(native, booter)
        try:
            if self.memory_mb is not None:
                self.mr.set_hard_memory_limit(self.memory_mb << 20)
            if booter is not None:
                try:
                    booter.install()
                    buf = self.eval(_boot.boot_script(args, HOST_NAME), 10.0)
                    if booter.error:
                        raise RuntimeError(booter.error)
                    if not isinstance(buf, memoryview):
                        raise RuntimeError("the prelude's function did not return its output buffer")
                except Exception as e:  # noqa: BLE001 - no guest code has run in this context
                    reason = booter.error or (str(e).splitlines() or [type(e).__name__])[0]
                    _boot.disable(f"a context did not start from the code cache: {reason}")
                    raise _Restart from None
                if booter.rejected:
                    _boot.disable("V8 rejected the prelude's code cache (this context compiled its source)")
                self.from_cache = not produce and not booter.rejected
            else:
                buf = self.eval(f"{_prelude()}({args})\n//# sourceURL={PRELUDE_NAME}\n", 10.0)
            if not isinstance(buf, memoryview):
                raise RuntimeError("the JavaScript prelude did not return its output buffer")
            self.view = buf
            if installed:
                self.rejections = installed[0]
            self.eval(self.host_call("warm"), 10.0)  # also hands the prelude's inbox to the callback
            if booter is not None and produce:
                try:
                    booter.make_cache(lambda code: self.eval(code, 10.0))
                except Exception as e:  # noqa: BLE001 - this context is fine; later ones start from source
                    _boot.disable(f"no code cache was made: {e}")
        except BaseException:
            self.close()
            raise

    def eval(self, code: str, timeout: float) -> Any:
        """Evaluate ``code``; after ``timeout`` seconds V8 is told to terminate it.

        One call from the caller's thread to the isolate's thread and back. The isolate drains
        its microtask queue *after* the result has been handed over, so state that microtasks
        change is only certain after the next call returns. Raises mini-racer's exceptions,
        ``JSTimeoutException`` at the deadline (after which the context must be closed, not
        called again). A context serves one caller at a time.
        """
        return self.collect(self.submit(code), timeout)

    def submit(self, code: str) -> tuple[int, Any]:
        """Queue ``code`` on the isolate's thread without waiting; ``collect`` its result.

        Calls run, and their results arrive, in the order they were submitted; each one after
        the microtasks of the one before have drained.
        """
        c = self.mr._ctx
        handle = c._python_to_value_handle(code)
        task = c._dll.mr_eval(c._ctx, handle.raw, 0)
        self._pending.append(task)
        return task, handle

    def terminate(self) -> None:
        """From any thread: stop whatever this context runs or has queued (e.g. a memory guard, a
        caller's cancel), and end the wait of a ``collect`` as the deadline would.

        Cancelling a task terminates it only while it runs: a call queued behind microtasks that
        never end (``(async () => { for (;;) await null })()``) never starts, so its collect would
        wait to the deadline with the isolate spinning; woken, the run ends and its context is
        closed, which terminates the microtasks.
        """
        c = self.mr._ctx
        for task in list(self._pending):
            c._dll.mr_cancel_task(c._ctx, task)
        c._non_cancelable_mr_task_results_queue.put(_WAKE)

    def collect(self, call: tuple[int, Any], timeout: float) -> Any:
        """The result of the oldest submitted call not yet collected (see ``submit``)."""
        from py_mini_racer import JSTimeoutException

        c = self.mr._ctx
        results = c._non_cancelable_mr_task_results_queue
        task, handle = call
        try:
            raw = results.get(timeout=max(timeout, 0.0005))
            if raw is _WAKE:
                raise queue.Empty  # terminate(): stop waiting, as at the deadline
            if self._pending and self._pending[0] == task:
                self._pending.popleft()
        except BaseException as e:
            # The deadline (queue.Empty) or an interrupt of the caller. Cancelling terminates the
            # task if it is running; one that has not started (queued behind microtasks that
            # never end) never will. Either way this context takes no further calls: the caller
            # closes it, which terminates whatever still runs. The task may still read its
            # source, so the handle lives as long as the context.
            c._dll.mr_cancel_task(c._ctx, task)
            self._keep.append(handle)
            if isinstance(e, queue.Empty):
                raise JSTimeoutException() from None
            raise
        return c._value_handle_to_python(raw)

    # The host reaches its entry point through the global object obtained from a sloppy
    # function's `this`: no binding lookup the guest could shadow with its own declarations.
    def control_expr(self, op: str, *args: str) -> str:
        extra = "".join(", " + a for a in args)
        return f"(function(){{return this}})()[{json.dumps(self.secret)}]({json.dumps(self.token)}, {json.dumps(op)}{extra})"

    def host_call(self, op: str, *args: str) -> str:
        """A whole script calling the entry point, named as the host's (see ``HOST_NAME``)."""
        return f"{self.control_expr(op, *args)}\n//# sourceURL={HOST_NAME}\n"

    def header(self) -> tuple[int, ...]:
        assert self.view is not None
        return tuple(self.view[:HEADER_BYTES].cast("i"))

    def output(self) -> tuple[str, str]:
        """stdout and stderr as written so far (copied out of the isolate's buffer)."""
        assert self.view is not None
        h = self.header()
        out_n = max(0, min(h[0], self.cap))
        err_n = max(0, min(h[1], self.cap))
        base = HEADER_BYTES
        out = bytes(self.view[base:base + 2 * out_n]).decode("utf-16-le", errors="replace")
        base2 = HEADER_BYTES + 2 * self.cap
        err = bytes(self.view[base2:base2 + 2 * err_n]).decode("utf-16-le", errors="replace")
        return out, err

    def output_units(self, stream: int, start: int, end: int) -> tuple[str, int]:
        """Stdout (0) or stderr (1) from code unit ``start`` up to ``end``, read while the run goes on:
        the text and where it ends (before ``end`` if a surrogate pair's second half is still to come)."""
        assert self.view is not None
        base = HEADER_BYTES + 2 * self.cap * stream
        end = max(start, min(end, self.cap))
        if end > start and 0xD800 <= int.from_bytes(self.view[base + 2 * end - 2:base + 2 * end], "little") < 0xDC00:
            end -= 1
        return bytes(self.view[base + 2 * start:base + 2 * end]).decode("utf-16-le", errors="replace"), end

    def close(self) -> None:
        """Close the isolate (terminating anything still running in it). Idempotent."""
        cm, self._cm = self._cm, None
        if self.__dict__.get("view") is not None:
            self.view = None  # never touch the backing store after the isolate is gone
        if cm is not None:
            cm.__exit__(None, None, None)
            if self.rejections is not None:
                _rejections.forget(self.rejections)  # the isolate's thread has ended


def _install_hooks(native: Any, booter: _boot.Booter | None) -> list[_rejections.Tracker | None] | None:
    """Hook mini-racer's deliveries to Python (``handle_callback_from_v8`` of the context object,
    called on the isolate's thread for every eval's result and every call of a JS callback): the
    first result delivered sets V8's PromiseRejectCallback there (where ``v8::Isolate::GetCurrent()``
    answers), its list receives the tracker (None: rejections are not detected); calls of the boot
    callback go to ``booter`` (``_boot``). An attribute of the instance takes the method's place.
    """
    box: list[_rejections.Tracker | None] | None = [] if _rejections.available() else None
    if box is None and booter is None:
        return None
    deliver = type(native).handle_callback_from_v8
    pending = [box is not None]

    def hooked(callback_id: int, raw: Any) -> None:
        if callback_id == _boot.CALLBACK_ID:
            native._wrap_raw_handle(raw)  # the call's arguments (none), freed
            if booter is not None:
                booter.on_call()
            return
        if pending[0]:
            pending[0] = False
            with contextlib.suppress(Exception):  # (the run goes on without the feature)
                box.append(_rejections.install())
        if booter is None:
            object.__delattr__(native, "handle_callback_from_v8")
        deliver(native, callback_id, raw)

    object.__setattr__(native, "handle_callback_from_v8", hooked)
    return box


class _Restart(Exception):
    """The code cache failed a context (now disabled): the pool makes it again from source."""


def _buffer_budget(memory_mb: int | None) -> int:
    """Bytes of ArrayBuffer backing store a run may hold: as much again as its heap limit."""
    return (memory_mb if memory_mb is not None else 4096) << 20


class ContextPool:
    """Keeps ``size`` fresh contexts ready and closes used ones, both on a background thread."""

    def __init__(self, size: int, **context_args: Any) -> None:
        self.size = size
        self._args = context_args
        self._ready: deque[Context] = deque()
        self._to_close: deque[Context] = deque()
        self._cond = threading.Condition()
        self._closed = False
        self.created = 0
        self.closed_count = 0
        ensure_v8()  # before this pool's thread exists (see ensure_v8)
        self._thread = threading.Thread(target=self._work, name="sandboxes-js-pool", daemon=True)
        self._thread.start()
        _pools.add(self)

    @property
    def live(self) -> int:
        """Contexts created by this pool and not yet closed (ready, in use, or waiting to close)."""
        with self._cond:
            return self.created - self.closed_count

    def _new(self) -> Context:
        ctx = Context(**self._args)
        with self._cond:
            self.created += 1
        return ctx

    def acquire(self) -> Context:
        """A fresh context: from the pool if one is ready, else created on the caller's thread."""
        with self._cond:
            if self._closed:
                raise RuntimeError("pool closed")
            ctx = self._ready.popleft() if self._ready else None
            self._cond.notify_all()
        return ctx if ctx is not None else self._new()

    def release(self, ctx: Context) -> None:
        """Hand a used context over to be closed off the caller's thread."""
        with self._cond:
            if not self._closed:
                self._to_close.append(ctx)
                self._cond.notify_all()
                return
        self._close_one(ctx)

    def close_now(self, ctx: Context, timeout: float) -> bool:
        """Close a used context within ``timeout`` seconds; False if it is stuck (still closing).

        An isolate inside a builtin that never checks for termination cannot close until the
        builtin returns (or V8 aborts the process); the closing thread is left to it.
        """
        closer = threading.Thread(target=self._close_one, args=(ctx,), name="sandboxes-js-close", daemon=True)
        closer.start()
        closer.join(timeout)
        return not closer.is_alive()

    def _close_one(self, ctx: Context) -> None:
        try:
            ctx.close()
        finally:
            with self._cond:
                self.closed_count += 1
                self._cond.notify_all()

    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._closed and not self._to_close and len(self._ready) >= self.size:
                    self._cond.wait()
                if self._closed:
                    return
                doomed = self._to_close.popleft() if self._to_close else None
            if doomed is not None:
                self._close_one(doomed)
                continue
            try:
                ctx = self._new()
            except Exception:  # pragma: no cover - engine failure; callers create on demand
                with self._cond:
                    self._cond.wait(1.0)
                continue
            with self._cond:
                if self._closed:
                    keep = False
                else:
                    self._ready.append(ctx)
                    keep = True
                self._cond.notify_all()
            if not keep:
                self._close_one(ctx)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every used context is closed and the pool is full (for tests)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._to_close and len(self._ready) >= self.size
                                       and self.created - self.closed_count == len(self._ready), timeout)

    def close(self) -> None:
        """Stop the background thread and close every context this pool holds. Idempotent."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify_all()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=30)
        with self._cond:
            doomed = list(self._ready) + list(self._to_close)
            self._ready.clear()
            self._to_close.clear()
        for ctx in doomed:
            # A context stuck in a non-interruptible builtin cannot finish closing; do not let
            # it hang the caller (or interpreter exit) forever.
            closer = threading.Thread(target=self._close_one, args=(ctx,), name="sandboxes-js-close", daemon=True)
            closer.start()
            closer.join(timeout=5)


_pools: weakref.WeakSet[ContextPool] = weakref.WeakSet()


@atexit.register
def _close_all_pools() -> None:
    for pool in list(_pools):
        with contextlib.suppress(Exception):
            pool.close()


# ----------------------------------------------------------------- fork (owned with sandboxes/isolation)

FORKED_AFTER_V8 = (
    "in-process JavaScript cannot run in this process: it was forked from a process that had already "
    "started V8, and V8's threads do not survive a fork. Use `javascript.isolation: worker` (the default; "
    "its workers are started fresh, never forked), or start V8 only after the fork (nothing that runs or "
    "checks JavaScript in-process before it, e.g. gunicorn without --preload), or the 'spawn' start method.")
_v8_inherited = False


def _after_fork_in_child() -> None:
    """In a child forked after V8 started here: never touch the inherited V8 again.

    Each inherited isolate's thread is gone in the child, and a call that waits for one never
    returns: closing an inherited context hung the child, even at interpreter exit. So its
    contexts are abandoned (the frees they would make become no-ops, so dropping them is safe),
    the pools start empty with fresh locks, and ``ensure_v8`` refuses with ``FORKED_AFTER_V8``.
    """
    global _v8_inherited, _init_lock
    _init_lock = threading.Lock()
    from py_mini_racer import _dll

    dll = _dll._dll_handle
    if dll is None:  # V8 never started in the parent: the child may start its own
        return
    _v8_inherited = True
    for name in ("mr_free_context", "mr_free_value", "mr_cancel_task"):
        setattr(dll, name, lambda *args: None)
    for pool in list(_pools):
        pool._cond = threading.Condition()
        pool._ready.clear()
        pool._to_close.clear()


os.register_at_fork(after_in_child=_after_fork_in_child)
