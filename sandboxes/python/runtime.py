"""The Python runtime: RestrictedPython-based, in the caller's process.

``PythonRuntime.run`` compiles the program under ``transformer.SandboxTransformer``
(cached by source hash), builds a fresh globals dict with curated builtins and
the guards of a fresh ``RunState``, and executes it. The deadline is enforced
three ways: ticks inserted in loops and calls, chunked iteration for ``for``
loops and C-level consumers, and a watchdog that raises ``TimeoutStop`` in the
running thread. C code that never returns to the interpreter (a catastrophic
regex, ``math.factorial`` of a huge number) cannot be stopped in-process:
that is what the worker isolation (the default for Python) is for.
"""

from __future__ import annotations

import builtins as _b
import contextlib
import contextvars
import ctypes
import decimal
import dis
import functools
import gc
import hashlib
import heapq
import itertools
import math
import os
import queue
import signal
import sys
import threading
import time
import traceback
import types
import warnings
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from .. import _bigstack
from .._lifecycle import Closeable
from ..errors import ClosedError
from ..policy import Limits, PythonPolicy
from ..result import Result, Status, Violation
from . import guards as G
from . import namespaces
from .modules import ModuleSource, RunContext
from .transformer import GUEST_FILENAME, CompileOutcome, compile_guest, source_lines

# ------------------------------------------------------------------ builtins

# Passed through unchanged: pure functions and types that reach nothing outside.
SAFE_BUILTINS = """abs all any ascii bin bool bytearray bytes callable chr classmethod complex dict divmod enumerate
    filter float format frozenset hash hex id int isinstance issubclass iter len list map max min next object oct ord
    property range repr reversed round set slice sorted staticmethod str sum super tuple type zip dir
    Ellipsis NotImplemented False True None""".split()
SAFE_BUILTINS += [n for n in dir(_b) if isinstance(getattr(_b, n), type) and issubclass(getattr(_b, n), BaseException)]
# Refused with a violation (reported, not just missing): each opens the host.
DENIED_BUILTINS = {
    "open": "open() is not available: the sandbox has no filesystem",
    "compile": "compile() is not available: use exec()/eval(), which compile under the sandbox policy",
    "globals": "globals() is not available: it exposes the guards",
    "locals": "locals() is not available: it exposes the guards",
    "vars": "vars() is not available: it reads __dict__ without the guards",
    "breakpoint": "breakpoint() is not available",
    "help": "help() is not available: it imports pydoc and reads files",
    "memoryview": "memoryview() is not available",
}
# Consumers of iterables that run in C: arguments that are not plain containers are
# fed through the chunked iterator so the deadline is checked while they run.
CONSUMERS = ("sum", "min", "max", "sorted", "any", "all")
_PLAIN = frozenset({list, tuple, set, frozenset, dict, str, bytes})


class _Watchdog:
    """One daemon thread that raises TimeoutStop in a thread whose run passed its deadline.

    It also asks running runs with a memory limit to check it, every ``CHECK_S``: it empties
    their tick filler (a list operation, no system call), so the run's next tick calls
    ``RunState.check`` in the run's own thread. A loop of a few huge iterations
    (``while True: s = s + s``) otherwise reaches gigabytes before its ticks look.
    """

    CHECK_S = 0.005

    def __init__(self) -> None:
        self._cv = threading.Condition()
        self._heap: list[tuple[float, int, Any]] = []
        self._memory: list[_Watch] = []  # runs with a memory limit, while they last
        self._seq = 0
        self._thread: threading.Thread | None = None

    def watch(self, deadline: float | None, entry: _Watch) -> None:
        with self._cv:
            if deadline is not None:
                self._seq += 1
                heapq.heappush(self._heap, (deadline, self._seq, entry))
            if entry.state.memory_bytes is not None:
                self._memory.append(entry)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="sandboxes-python-watchdog", daemon=True)
                self._thread.start()
            self._cv.notify()

    def _loop(self) -> None:
        while True:
            with self._cv:
                if self._memory:
                    self._memory = [w for w in self._memory if not w.done]
                while not self._heap and not self._memory:
                    self._cv.wait()
                now = time.monotonic()
                for w in self._memory:
                    if now - w.started >= self.CHECK_S:  # most runs are over before the first
                        w.state.tick_filler.clear()
                delay = self._heap[0][0] - now if self._heap else math.inf
                if delay > 0:
                    self._cv.wait(min(delay, self.CHECK_S) if self._memory else delay)
                    continue
                _, _, entry = heapq.heappop(self._heap)
            entry.fire()


class _Watch:
    __slots__ = ("state", "tid", "lock", "done", "fired", "started")

    def __init__(self, state: G.RunState) -> None:
        self.state = state
        self.started = time.monotonic()
        self.tid = threading.get_ident()
        self.lock = threading.Lock()
        self.done = False
        self.fired = False

    def fire(self) -> None:
        with self.lock:
            if self.done:
                return
            self.fired = True
            self.state.halt(G.TimeoutStop, "deadline exceeded")
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid), ctypes.py_object(G.TimeoutStop))

    def finish(self) -> None:
        with self.lock:
            if not self.done:
                self.done = True
                if self.fired:  # clear an exception still pending in this thread
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid), None)


_watchdog = _Watchdog()

try:
    _malloc_trim = ctypes.CDLL(None).malloc_trim
    _malloc_trim.argtypes = (ctypes.c_size_t,)
except (OSError, AttributeError):  # pragma: no cover - not glibc
    _malloc_trim = None


def _release_free_memory() -> None:
    """Give the heap a big run freed back to the system (glibc ``malloc_trim``).

    In-process memory is measured as RSS growth. Memory a run freed stays resident in malloc's
    arenas: the next run would reuse it unseen (800 MB of lists after a 500 MB bomb, under a
    512 MB limit), or see its own growth hidden when glibc trims it mid-run. About 5 ms when
    there is memory to give back; only called after runs that were stopped or grew a lot.
    """
    if _malloc_trim is not None:
        _malloc_trim(0)


# C recursion without a depth check (``hash()`` of a 300 000-deep tuple: ``tuplehash`` calls
# ``PyObject_Hash`` of its items; ``next()`` of a map of a map of ...) uses the C stack per level of
# the data, about as many bytes as one level costs on the heap (measured on 3.11: a 1-tuple 48 bytes
# of heap and at most 84 of stack; a map 95 and at most 170). In-process it overflowed the host
# thread's 8 MiB stack: SIGSEGV of the host (red team F8). A run's program therefore runs on a thread
# of its own whose stack (reserved, not resident until used) is several times the memory the run may
# grow by: data deep enough to overflow it is over ``memory_mb`` first, and the memory checks stop
# the program while it builds it. The threads are kept between runs (``_RunThreads``).
_STACK_PER_HEAP = 8
_STACK_BASE = 64 << 20
_STACK_NO_LIMIT = 1 << 30  # without memory_mb: deeper data still overflows (an in-process non-goal)
_STACK_MAX = 16 << 30
_STACK_MIN = 8 << 20
# Threads kept idle per stack size. Starting a thread per run cost ~0.4 ms of a print(1)'s 0.46 ms
# (p50 0.079 ms before the threads, 2026-11-28); a kept thread takes the next run in ~20 us.
_IDLE_PER_SIZE = 4
_KEEP_GROWTH = 16 << 20  # a run that grew the process more (its stack included) retires its thread


def _stack_bytes(memory: int | None) -> int:
    if memory is None:
        return _STACK_NO_LIMIT
    return min(_STACK_MAX, _STACK_BASE + _STACK_PER_HEAP * memory) & ~0xFFFFF


class _RunThread:
    """A thread that runs one job at a time from its own queue (``None`` ends it)."""

    __slots__ = ("jobs", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self.jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        _bigstack.start_thread(self._loop, "sandboxes-python-run", size)

    def _loop(self) -> None:
        jobs = self.jobs
        while True:
            job = jobs.get()
            if job is None:
                return
            job()
            del job


class _RunThreads:
    """Threads with a big C stack for in-process runs, kept between runs.

    A thread goes back to the idle list only after a run that ended by itself, had a memory limit (so
    that its growth was measured) and grew the process by at most ``_KEEP_GROWTH``: a run stopped by its
    deadline, a limit or a cancel, or one that touched more memory (deep C stack included: resident
    stack pages count in RSS growth), retires its thread, so that what it left on that stack does not
    stay resident. The watchdog's asynchronous ``TimeoutStop`` cannot
    reach a kept thread: ``_Watch.finish`` (always called, under the watch's lock, before the thread is
    given back) marks the run done, after which ``fire`` does nothing, and clears an exception still
    pending in the thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: dict[int, list[_RunThread]] = {}

    def _take(self, size: int) -> _RunThread | None:
        """An idle thread of ``size`` or a new one; a smaller one while the system refuses to reserve
        it; ``None`` below ``_STACK_MIN`` (the caller's thread runs the job)."""
        while size >= _STACK_MIN:
            with self._lock:
                idle = self._idle.get(size)
                if idle:
                    return idle.pop()
            try:
                return _RunThread(size)
            except (RuntimeError, MemoryError, ValueError):  # the reservation refused (RLIMIT_AS, overcommit)
                size //= 2
        return None

    def _give_back(self, thread: _RunThread, keep: bool) -> None:
        if keep:
            with self._lock:
                idle = self._idle.setdefault(thread.size, [])
                if len(idle) < _IDLE_PER_SIZE:
                    idle.append(thread)
                    return
        thread.jobs.put(None)

    def call(self, fn: Any, size: int) -> Any:
        """``fn(keep)`` on a thread with a C stack of ``size`` bytes, in the caller's context
        (contextvars); ``fn`` sets ``keep[0] = False`` when its thread must not be kept."""
        thread = self._take(size)
        keep = [True]
        if thread is None:
            return fn(keep)
        box: list[Any] = []
        done = threading.Event()
        context = contextvars.copy_context()

        def job() -> None:
            try:
                box[:] = ["ok", context.run(fn, keep)]
            except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
                box[:] = ["error", e]
                keep[0] = False
            done.set()
            self._give_back(thread, keep[0])

        thread.jobs.put(job)
        done.wait()
        if box[0] == "error":
            raise box.pop()
        return box[1]

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()
        self._idle = {}  # the parent's threads are not in the child


_run_threads = _RunThreads()
os.register_at_fork(after_in_child=_run_threads._after_fork_in_child)


def _arm_alarm(state: G.RunState, deadline: float) -> bool:
    """In a worker child (a process of its own): SIGALRM at the deadline raises TimeoutStop."""

    def on_alarm(signum: int, frame: Any) -> None:
        if not state.finished:
            raise state.halt(G.TimeoutStop, "deadline exceeded")

    try:
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, max(0.001, deadline - time.monotonic()))
        return True
    except (OSError, ValueError):
        return False


class PythonRuntime(Closeable):
    """Python under RestrictedPython with this project's policy."""

    name = "python"

    def __init__(self, policy: PythonPolicy, *, owns_process: bool = False) -> None:
        self.policy = policy
        self.owns_process = owns_process  # True in a worker child: may use signals and set process limits
        self._modules = ModuleSource(frozenset(policy.modules))
        self._allowed = frozenset(policy.modules)
        self._cache: OrderedDict[tuple[str, str], CompileOutcome] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._warnings: dict[tuple[str, str], str] = {}  # cache key -> SyntaxWarning lines of that compile
        self._closed = False
        self._max_int_bits = int(policy.max_int_digits * 3.3219280948873626) + 1

    # -- lifecycle -------------------------------------------------------------
    def close(self) -> None:
        self._closed = True
        with self._cache_lock:
            self._cache.clear()


    def preload(self) -> None:
        """Import what runs need (the worker's fork server calls this before forking)."""
        self._modules.preload()
        self.run("x = [i for i in range(3)]\nprint(x)", stdin="", limits=Limits(timeout_s=10))

    # -- compiling ---------------------------------------------------------------
    def compile(self, source: str, mode: str = "exec", *, namespace: bool = False,
                string: bool = False) -> CompileOutcome:
        """``string``: the source of an exec()/eval() call (its code is reported as ``<string>``)."""
        return self._compile(source, mode, namespace, string)[0]

    def _compile(self, source: str, mode: str, namespace: bool, string: bool) -> tuple[CompileOutcome, str]:
        """``compile``, and the compiler's SyntaxWarnings as CPython prints them (for the run's stderr)."""
        key = (hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest(),
               mode + "-ns" * namespace + "-str" * string)
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit, self._warnings.get(key, "")
        with _compile_warnings(source, namespace, string) as warned:
            out = compile_guest(source, allowed_modules=self._allowed, allow_eval=self.policy.allow_eval, mode=mode,
                                namespace=namespace)
        if string and out.code is not None:
            _mark_string_code(out.code)
        with self._cache_lock:
            self._cache[key] = out
            if warned:
                self._warnings[key] = warned[0]
            if len(self._cache) > 512:
                old, _ = self._cache.popitem(last=False)
                self._warnings.pop(old, None)
        return out, warned[0] if warned else ""

    def check(self, code: str) -> list[Violation]:
        if self._closed:
            raise ClosedError("this runtime is closed")
        return list(self.compile(code).violations)

    # -- running -----------------------------------------------------------------
    def run(self, code: str, *, stdin: str, limits: Limits) -> Result:
        if self._closed:
            raise ClosedError("this runtime is closed")
        t0 = time.monotonic()
        deadline = t0 + limits.timeout_s if limits.timeout_s is not None else None
        compiled, warned = self._compile(code, "exec", False, False)
        if compiled.code is None:
            status = Status.COMPILE_ERROR if compiled.syntax_error else Status.VIOLATION
            exc = compiled.syntax_exception(GUEST_FILENAME, program=True)
            report = _format_violations(compiled.violations, status) if exc is None else _exception_tail(exc)
            return Result("python", status, stderr=report, exit_code=1, violations=compiled.violations)
        memory = None if self.owns_process or limits.memory_mb is None else limits.memory_mb * 1024 * 1024
        if self.owns_process:
            return self._execute(compiled, warned, code, stdin, limits, deadline, memory, [True])
        return _run_threads.call(
            lambda keep: self._execute(compiled, warned, code, stdin, limits, deadline, memory, keep),
            _stack_bytes(memory))

    def _execute(self, compiled: CompileOutcome, warned: str, code: str, stdin: str, limits: Limits,
                 deadline: float | None, memory: int | None, keep: list[bool]) -> Result:
        state = G.RunState(deadline=deadline, max_output=limits.max_output_bytes, memory_bytes=memory,
                           stdin=stdin, max_items=self.policy.max_sequence_items, max_int_bits=self._max_int_bits,
                           memory_cap=None if limits.memory_mb is None else limits.memory_mb * 1024 * 1024)
        g, guards, recursion = self._globals(state, code)
        watch = _Watch(state)
        alarm = False
        if not self.owns_process:
            if deadline is not None or memory is not None:
                _watchdog.watch(deadline, watch)
        elif deadline is not None and threading.current_thread() is threading.main_thread():
            alarm = _arm_alarm(state, deadline)
        # The interpreter's own count only in a worker child (single-threaded): the way to read it
        # sets a limit of 1, refused at any real depth, but not a thing to try under other threads.
        frames = _frame_depth()
        recursion.start(_recursion_depth() if self.owns_process else frames, frames)
        old_ctx = decimal.getcontext()
        decimal.setcontext(decimal.Context())
        exc: BaseException | None = None
        token = G.current.set(guards)
        live = _live_run.set((state, guards, code))
        _install_unraisable_hook()
        message: str | dict[int, _Tail] | None = None
        try:
            try:
                if warned:  # CPython prints them as it compiles, before the program runs
                    state.write(warned, True)
                exec(compiled.code, g)
            except BaseException as e:
                message = _live_message(state, e)
                raise
            finally:
                if alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                watch.finish()
                state.final_check()
                state.finished = True
                for cleanup in state.cleanups:  # e.g. the parked event loop of asyncio
                    cleanup()
                state.tick_filler.clear()  # guest code run later (__del__, callbacks) stops at its first tick
        except BaseException as e:  # noqa: BLE001 - the guest's exceptions are data
            exc = e
        finally:
            watch.finish()  # also when an exception reached the finally above before its finish()
            _live_run.reset(live)
            G.current.reset(token)
            decimal.setcontext(old_ctx)
        try:
            result = self._result(state, exc, code, message)
        except BaseException as e:  # a guest __str__ misbehaving while we format: still a Result
            result = Result("python", Status.ERROR, stderr=f"error while reporting the program's exception: "
                                                           f"{type(e).__name__}\n", exit_code=1)
        exc = None
        g.clear()  # break function -> globals cycles now, not at the next cyclic GC
        if not self.owns_process:
            grew = memory is not None and state.rss_growth > memory // 4
            keep[0] = state.stop is None and memory is not None and state.rss_growth <= _KEEP_GROWTH
            if state.stop is not None:
                # A stopped run may leave a cyclic heap behind: the young generations always (cheap),
                # the whole heap only when the run grew the process (a full collection of a large host
                # heap takes ~0.5 s, which would delay the answer to a cancel or a timeout).
                gc.collect(2 if grew else 1)
            if memory is not None and (state.stop is not None or grew):
                _release_free_memory()
        return result

    def _globals(self, state: G.RunState, source: str) -> tuple[dict[str, Any], G.Guards, _Recursion]:
        guards = G.Guards(state)
        run = RunContext(state, self._modules, guards, recursion_limit=self.policy.max_recursion_depth)
        b = dict(_STATIC_BUILTINS)  # built once; the per-run entries follow
        iterate = G.make_iterate(state)
        for name in CONSUMERS:
            b[name] = _consumer(getattr(_b, name), iterate)
        b["sum"] = _safe_sum(b["sum"], state)

        def _iter(*args: Any) -> Any:
            """iter(callable, sentinel) may never end inside C code: hand it out chunked."""
            if len(args) == 2:
                return iter(iterate(iter(*args)))
            return iter(*args)

        b["iter"] = _iter

        redirects = state.redirects

        def _print(*args: Any, sep: Any = " ", end: Any = "\n", file: Any = None, flush: Any = False,
                   **unknown: Any) -> None:
            if unknown:
                raise TypeError(f"{next(iter(unknown))!r} is an invalid keyword argument for print()")
            if sep is None:
                sep = " "
            elif not isinstance(sep, str):
                raise TypeError(f"sep must be None or a string, not {type(sep).__name__}")
            if end is None:
                end = "\n"
            elif not isinstance(end, str):
                raise TypeError(f"end must be None or a string, not {type(end).__name__}")
            text = sep.join(map(str, args)) + end
            if file is None or file is run.stdout:
                if not redirects[0]:
                    state.write(text)
                    return
                file = redirects[0][-1]
            elif file is run.stderr:
                if not redirects[1]:
                    state.write(text, True)
                    return
                file = redirects[1][-1]
            guards.getattr(file, "write")(text)
            if flush:
                guards.getattr(file, "flush")()

        def _input(*prompt_: Any) -> str:
            if len(prompt_) > 1:
                raise TypeError(f"input expected at most 1 argument, got {len(prompt_)}")
            prompt = prompt_[0] if prompt_ else ""
            if prompt:
                state.write(str(prompt))
            line = next(state.stdin_lines, None)
            if line is None:
                raise EOFError("EOF when reading a line")
            return line[:-1] if line.endswith("\n") else line

        def _import(name: Any, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
            return run.import_module(name, fromlist, level)

        runtime = self

        def _compile_for(source: Any, mode: str, namespace: bool = False) -> Any:
            if isinstance(source, (bytes, bytearray)):
                source = bytes(source).decode("utf-8")
            if not isinstance(source, str):
                raise TypeError(f"{mode}() arg 1 must be a string")
            out, warned = runtime._compile(source, mode, namespace, True)
            if warned:
                state.write(warned, True)
            if out.code is None:
                if out.syntax_error:
                    exc = out.syntax_exception("<string>")
                    if exc is not None:
                        raise exc
                    v = out.violations[0]
                    raise SyntaxError(v.detail.split(": ", 1)[-1], ("<string>", v.line or 1, v.col or 0, ""))
                for v in out.violations:
                    state.violations.append((v.kind, f"in {mode}(): {v.detail}", G._guest_line()))
                raise G.ViolationStop(out.violations[0].detail)
            return out.code

        cells: dict[str, Any] = {}  # the guards as closure cells, for code run in the program's namespaces

        def _in_scope(mode: str, source: Any, gl: Any, lo: Any) -> Any:
            """exec/eval in dictionaries of the program's: run in them, not in copies (see namespaces)."""
            if gl is None:
                # CPython takes the caller's globals, and its locals when none are given (a function's
                # locals: a snapshot). Only a frame of the program's own code: a library function that
                # calls exec for the program must not lend it its module's globals.
                caller = sys._getframe(2)  # _in_scope <- _eval/_exec <- the caller (_Builtin adds no frame)
                if caller.f_code.co_filename == GUEST_FILENAME:
                    gl = caller.f_globals
                    if lo is None:
                        lo = caller.f_locals
                else:
                    gl = g
                if gl is g and (lo is None or lo is g):  # the program's top level: its own private globals
                    return (eval if mode == "eval" else exec)(_compile_for(source, mode), g)
            # CPython's checks, in its order and words
            mapping = hasattr(type(lo), "__getitem__")
            if mode == "eval":
                if lo is not None and not mapping:
                    raise TypeError("locals must be a mapping")
                if gl is not None and not isinstance(gl, dict):
                    raise TypeError("globals must be a real dict; try eval(expr, {}, mapping)"
                                    if hasattr(type(gl), "__getitem__") else "globals must be a dict")
            else:
                if gl is not None and not isinstance(gl, dict):
                    raise TypeError(f"exec() globals must be a dict, not {type(gl).__name__}")
                if lo is not None and not mapping:
                    raise TypeError(f"locals must be a mapping or None, not {type(lo).__name__}")
            code = _compile_for(source, mode, namespace=True)
            if not cells:
                cells.update((k, types.CellType(v)) for k, v in g.items() if k.startswith("_sb_"))
            return namespaces.run(code, g if gl is None else gl, lo, cells, b,
                                  lambda detail: state.record_violation("builtin", detail))

        def _dir(*args: Any) -> list[str]:
            """dir(): without an argument, the caller's names, less the guards' (sandbox internals)."""
            if args:
                return dir(*args)
            caller = sys._getframe(1)  # the caller (_Builtin, a partial, adds no frame)
            if caller.f_code.co_filename != GUEST_FILENAME:
                return []
            return sorted(n for n in caller.f_locals.keys() if not (isinstance(n, str) and n.startswith("_sb_")))

        def _eval(source: Any, gl: Any = None, lo: Any = None) -> Any:
            return _in_scope("eval", source, gl, lo)

        def _exec(source: Any, gl: Any = None, lo: Any = None) -> None:
            _in_scope("exec", source, gl, lo)

        b.update({
            "print": _print, "input": _input, "__import__": _import, "dir": _dir,
            "getattr": _checked_args(guards.getattr, "getattr", 2, 3),
            "hasattr": _checked_args(guards.hasattr, "hasattr", 2, 2),
            "setattr": _checked_args(guards.setattr, "setattr", 3, 3),
            "delattr": _checked_args(guards.delattr, "delattr", 2, 2), "__build_class__": guards.build_class,
        })
        if self.policy.allow_eval:
            b["eval"], b["exec"] = _eval, _exec
        g: dict[str, Any] = {
            "__name__": "__main__", "__builtins__": b, "__doc__": None,
            # the rest of a CPython __main__'s names (dir() lists them); the program cannot read them
            "__annotations__": {}, "__loader__": None, "__package__": None, "__spec__": None,
            "_sb_ga": guards.ga, "_sb_gs": guards.gs, "_sb_gp": guards.gp, "_sb_gd": guards.gd, "_sb_w": guards.write,
            "_sb_it": iterate, "_sb_tick": G.make_tick(state), "_sb_cls": guards.register_class, "_sb_cmark": guards.class_mark,
            "_sb_mc": guards.match_case, "_sb_mv": guards.match_value,
            "_sb_notb": G.no_traceback, "_sb_notbs": G.no_tracebacks,
        }
        sizes = G.make_size_guards(state)
        b["pow"], b["format"] = sizes.pop("pow"), sizes.pop("format")
        for name in _SHOWN_AS_BUILTIN:  # the program's builtins look like CPython's (repr, type, messages)
            if name in b and type(b[name]) is types.FunctionType:
                b[name] = _Builtin(b[name], name)
        guards.builtin_getattr = b["getattr"]  # marks the run's frames (their builtins) for the unraisable hook
        g.update(sizes)
        g["_sb_enter"], g["_sb_tk"] = next, g["_sb_tick"].__self__  # function entries: next(tick chain)
        recursion = run.recursion = _Recursion(g, self.policy.max_recursion_depth, self.owns_process)
        recursion.cells = cells
        return g, guards, recursion

    # -- outcome -----------------------------------------------------------------
    def _result(self, state: G.RunState, exc: BaseException | None, source: str,
                message: str | dict[int, _Tail] | None = None) -> Result:
        """The Result of a run that ended with ``exc``; ``message``: its text as ``_live_message``
        rendered it while the run was live."""
        exit_code = 0
        status = Status.OK
        overflow = False

        def report(text: str, guest: bool = True) -> None:
            """Append to stderr within the run's output cap: every byte a run returns counts, whoever
            wrote it (a traceback carries the program's class names and messages). ``guest``: the text
            carries what the program chose, and not fitting is then the program's output_limit."""
            nonlocal overflow
            cap = state.max_output
            if cap is None:
                state.stderr.append(text)
                return
            data = text.encode("utf-8", "surrogatepass")
            room = cap - state.out_bytes
            if len(data) <= room:
                state.stderr.append(text)
                state.out_bytes += len(data)
                return
            if room > 0:
                state.stderr.append(data[:room].decode("utf-8", "ignore"))
            state.out_bytes = cap
            overflow = overflow or guest
        if isinstance(exc, G.GuestExit) or isinstance(exc, SystemExit):
            code = exc.code if isinstance(exc, G.GuestExit) else exc.code
            if code is None or code is False:
                exit_code = 0
            elif isinstance(code, int):
                # CPython: exit((int)PyLong_AsLong(code)); the process's status is its low byte (-1: 255);
                # a code no C long holds is -1 there
                exit_code = code & 0xFF if -(1 << 63) <= code < (1 << 63) else 0xFF
            else:
                report((message if isinstance(message, str) else _safe_str(code)) + "\n")
                exit_code = 1
            exc = None
            status = Status.OK if exit_code == 0 else Status.ERROR
        elif state.stop is not None:
            pass
        elif isinstance(exc, MemoryError) and not _raised_by_program(exc):
            status = Status.MEMORY_LIMIT
            exit_code = 1
            report("MemoryError\n", guest=False)
        elif exc is not None:
            status = Status.ERROR
            exit_code = 1
            refused = state.refused_imports.get(id(exc))
            if refused is not None and refused[0] is exc:
                # an import the policy refused, not caught: the refusal is the verdict (reported below)
                state.violations.append(("import", refused[1], refused[2]))
            elif not (isinstance(exc, G.ViolationStop) and state.violations):
                room = None if state.max_output is None else state.max_output - state.out_bytes
                report(format_exception(exc, source, room, message if isinstance(message, dict) else None))
        if state.stop is not None:
            status = Status(state.stop.status)
            exit_code = 1
            if state.stop is not G.OutputLimitStop:
                report(f"{_STOP_TEXT[state.stop.status]}: {state.stop_detail}\n", guest=False)
        elif overflow:
            status = Status.OUTPUT_LIMIT
            exit_code = 1
        violations = tuple(Violation(k, d, line) for k, d, line in state.violations)
        if violations:
            status = Status.VIOLATION  # a refusal stays the verdict; its report is bounded and capped too
            exit_code = 1
            for v in violations:
                report(violation_line(v), guest=False)
        extra: dict[str, Any] = {}
        if status in (Status.TIMEOUT, Status.MEMORY_LIMIT, Status.OUTPUT_LIMIT) or violations:
            extra = {"stopped_by": "language", "stop_detail": state.stop_detail or (
                violations[0].detail if violations else
                f"the error report exceeded the output limit of {state.max_output} bytes" if overflow else "")}
        return Result("python", status, stdout=_text("".join(state.stdout)), stderr=_text("".join(state.stderr)),
                      exit_code=exit_code, violations=violations, extra=extra)


_RAISE_VARARGS = dis.opmap["RAISE_VARARGS"]


def _raised_by_program(exc: BaseException) -> bool:
    """Whether the program's own ``raise X`` statement raised ``exc`` (not an allocation that failed):
    a program's ``raise MemoryError`` is its error, not the memory limit. A bare ``raise`` of a
    caught MemoryError still is the limit."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    if code.co_filename != GUEST_FILENAME or not 0 <= tb.tb_lasti < len(code.co_code) - 1:
        return False
    return code.co_code[tb.tb_lasti] == _RAISE_VARARGS and code.co_code[tb.tb_lasti + 1] > 0


def _frame_depth() -> int:
    """The number of frames on this thread's stack, the caller's included."""
    n = 0
    f: Any = sys._getframe(1)
    while f is not None:
        n += 1
        f = f.f_back
    return n


def _recursion_depth() -> int:
    """The caller's recursion depth as the interpreter counts it (frames, and C calls that count).

    CPython has no API for it, but refuses a limit at or below the current depth and names the
    depth; that refusal never changes the limit. Frames counted when the wording is not there.
    """
    old = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(1)
    except RecursionError as e:
        words = str(e).split("at the recursion depth ")
        if len(words) == 2 and words[1].split(":")[0].isdigit():
            return int(words[1].split(":")[0]) - 1
    else:  # pragma: no cover - the count was below 1, impossible from a frame: put the limit back
        sys.setrecursionlimit(old)
    return _frame_depth()


class _Recursion:
    """The program's ``sys.setrecursionlimit``: enforced, up to the policy's ``max_recursion_depth``.

    A limit above the maximum is clamped to it (``getrecursionlimit()`` then says so): programs
    commonly ask for ``10**6`` and recurse far less; one that does recurse deeper gets CPython's
    RecursionError at the maximum. Depths count as CPython counts them from its module frame
    (``base`` is the depth of the frame that runs the program). In a worker child, a process of
    its own, the interpreter's limit is set to ``base + limit``. In-process the limit is the
    caller's thread's too and must not change: when the program's limit (the policy's maximum
    unless it set a lower one) is below what the process allows, every function entry of the
    program checks its depth (``_sb_enter``); a higher one cannot raise the process's own limit
    (an in-process non-goal).
    """

    def __init__(self, g: dict[str, Any], maximum: int, owns_process: bool) -> None:
        self.g = g
        self.fast_enter = g["_sb_enter"]
        self.maximum = maximum
        self.limit = maximum
        self.owns_process = owns_process
        self.base = self.frames = 0
        self.cells: dict[str, Any] = {}  # closure cells of code run by exec()/eval() in a namespace

    def start(self, base: int, frames: int) -> None:
        self.base = base
        self.frames = frames  # the same depth in frames (C calls also count towards ``base``)
        self._apply()

    def set(self, n: Any) -> None:
        if not isinstance(n, int):
            raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
        if n < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        # The program's depth as CPython reports it here (its module frame counts 1, this call 1 more),
        # from frames: the thread's own counter is not reliable across in-process runs (seen off by one
        # after a run whose generator was left suspended).
        depth = _frame_depth() - self.frames - 1
        if depth >= n:
            raise RecursionError(f"cannot set the recursion limit to {n} at the recursion depth {depth}: "
                                 "the limit is too low")
        self.limit = min(n, self.maximum)
        self._apply()

    def _apply(self) -> None:
        if self.owns_process:
            sys.setrecursionlimit(self.base + self.limit)
            return
        # In-process, from the start too: a host that raised its own limit must not lend it to programs.
        enter = self.fast_enter
        if self.base + self.limit < sys.getrecursionlimit():
            enter = self._checking_enter(self.frames + self.limit + 1)
        self.g["_sb_enter"] = enter
        cell = self.cells.get("_sb_enter")
        if cell is not None:
            cell.cell_contents = enter

    def _checking_enter(self, threshold: int) -> Any:
        fast = self.fast_enter
        getframe = sys._getframe

        def enter(chain: Any) -> None:
            """A function entry when the program's limit is below the process's: CPython would not
            have pushed the caller's frame if its depth is over the limit."""
            try:
                getframe(threshold)
            except ValueError:
                return fast(chain)  # type: ignore[no-any-return]
            raise RecursionError("maximum recursion depth exceeded")

        return enter


_STOP_TEXT = {"timeout": "TimeoutError", "memory_limit": "MemoryError", "output_limit": "OutputLimit",
              "violation": "Refused", "error": "Error"}


def _text(s: str) -> str:
    """Output as valid text: lone surrogates the program printed become U+FFFD."""
    if s.isascii():
        return s
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _consumer(fn: Any, iterate: Any) -> Any:
    plain = _PLAIN

    iterable_first = fn is sum  # sum(iterable, start); min/max/... take an iterable only when alone

    def call(*args: Any, **kwargs: Any) -> Any:
        if args and type(args[0]) not in plain and (len(args) == 1 or iterable_first):
            return fn(iterate(args[0]), *args[1:], **kwargs)
        return fn(*args, **kwargs)

    call.__name__ = call.__qualname__ = fn.__name__
    call.__doc__ = fn.__doc__
    return call


def _safe_sum(inner: Any, state: G.RunState) -> Any:
    """sum() with a size check when it concatenates sequences (``sum(lists, [])``)."""
    seqs = (list, tuple, str, bytes, bytearray)

    def call(iterable: Any, /, start: Any = 0) -> Any:
        if not isinstance(start, seqs):
            return inner(iterable, start)
        # CPython refuses these starts before it iterates (``sum([], 'x')`` raises too).
        if isinstance(start, str):
            raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
        if isinstance(start, bytes):
            raise TypeError("sum() can't sum bytes [use b''.join(seq) instead]")
        if isinstance(start, bytearray):
            raise TypeError("sum() can't sum bytearray [use b''.join(seq) instead]")
        total = len(start)
        for item in iterable:
            if isinstance(item, seqs):
                total += len(item)
                if total > state.max_items:
                    raise state.too_large(f"a sum() of {total} items", total * 8, "max_sequence_items",
                                          state.max_items)
            start = start + item
        return start

    call.__name__ = call.__qualname__ = "sum"
    call.__doc__ = inner.__doc__
    return call


class _Builtin(functools.partial):  # type: ignore[type-arg]
    """A builtin the sandbox implements in Python, shown as CPython shows its own: ``repr(print)`` is
    ``<built-in function print>``, ``type(print)`` the builtin-function type (its stand-in), and
    argument errors name ``print()``, never the sandbox's closures. A ``functools.partial`` with no
    arguments: calling it costs no Python frame; its ``func``/``args``/``keywords`` are not shown."""

    __module__ = "builtins"

    def __new__(cls, fn: Any, name: str) -> _Builtin:
        self = super().__new__(cls, fn)
        self.__name__ = self.__qualname__ = name  # type: ignore[attr-defined]
        return self

    @property
    def func(self) -> Any:
        raise AttributeError("'builtin_function_or_method' object has no attribute 'func'")

    args = keywords = func

    @property
    def __doc__(self) -> Any:  # type: ignore[override]
        return getattr(getattr(_b, self.__name__, None), "__doc__", None)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"<built-in function {self.__name__}>"  # type: ignore[attr-defined]

    def __reduce__(self) -> str:
        return self.__name__  # type: ignore[attr-defined, no-any-return]

    def __copy__(self) -> Any:
        return self

    def __deepcopy__(self, memo: Any) -> Any:
        return self


_SHOWN_AS_BUILTIN = ("print", "input", "__import__", "dir", "getattr", "hasattr", "setattr", "delattr", "iter",
                     "eval", "exec", "pow", "sum", "min", "max", "sorted", "any", "all", "open", "compile",
                     "globals", "locals", "vars", "breakpoint", "help", "memoryview", "aiter", "anext",
                     "__build_class__", "format")
_builtin_stand_in = G._INTERNAL_STAND_INS[types.BuiltinFunctionType]
_builtin_stand_in._sb_types = (*_builtin_stand_in._sb_types, _Builtin)  # type: ignore[attr-defined]
G._INTERNAL_STAND_INS[_Builtin] = _builtin_stand_in


def _checked_args(fn: Any, name: str, least: int, most: int) -> Any:
    """A builtin taking ``least`` to ``most`` positional arguments, with CPython's argument errors."""
    if least == most:
        def call(*args: Any, **kwargs: Any) -> Any:
            if kwargs:
                raise TypeError(f"{name}() takes no keyword arguments")
            if len(args) != least:
                raise TypeError(f"{name} expected {least} arguments, got {len(args)}")
            return fn(*args)
    else:
        def call(*args: Any, **kwargs: Any) -> Any:
            if kwargs:
                raise TypeError(f"{name}() takes no keyword arguments")
            if len(args) < least:
                raise TypeError(f"{name} expected at least {least} arguments, got {len(args)}")
            if len(args) > most:
                raise TypeError(f"{name} expected at most {most} arguments, got {len(args)}")
            return fn(*args)
    call.__name__ = call.__qualname__ = name
    return call


def _denied(name: str, why: str) -> Any:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise G.current.get().state.record_violation("builtin", why)

    refuse.__name__ = refuse.__qualname__ = name
    return refuse


def _exit(code: Any = None) -> None:
    raise G.GuestExit(code)


# The builtins every run shares (nothing in here holds per-run state); a run copies this dict.
_STATIC_BUILTINS: dict[str, Any] = {n: getattr(_b, n) for n in SAFE_BUILTINS if hasattr(_b, n)}
_STATIC_BUILTINS.update({name: _Builtin(_denied(name, why), name) for name, why in DENIED_BUILTINS.items()})
G.note_host_classes(_STATIC_BUILTINS.values())  # the builtin classes a program may subclass
_STATIC_BUILTINS.update({
    "type": G.SafeType, "range": G.SafeRange, "bytes": G.SafeBytes, "bytearray": G.SafeByteArray,
    "exit": _exit, "quit": _exit, "__build_class__": _b.__build_class__,
    "__name__": "builtins",
    "eval": _Builtin(_denied("eval", "eval() is not allowed by the policy"), "eval"),
    "exec": _Builtin(_denied("exec", "exec() is not allowed by the policy"), "exec"),
})
G.note_host_classes((G.SafeBytes, G.SafeByteArray))


def _safe_str(obj: Any, failed: str | None = None) -> str:
    try:
        s = str(obj)
    except BaseException:  # noqa: BLE001
        s = f"<unprintable {type(obj).__name__} object>" if failed is None else failed
    return s if len(s) < 10000 else s[:10000] + "..."


_warnings_lock = threading.Lock()


@contextlib.contextmanager
def _compile_warnings(source: str, namespace: bool, string: bool) -> Iterator[list[str]]:
    """Catch the compiler's SyntaxWarnings for a program's source; yields a list that then holds
    their text as CPython's ``warnings.showwarning`` prints it (empty if none).

    The default hook writes them on the host's stderr (in-process: program-chosen text, uncapped,
    once per ``eval``). The filters are process-wide: the lock keeps two compiles apart, and a
    warning of another thread caught meanwhile is issued again as it was. Only SyntaxWarnings,
    shown always, as with CPython's default filters (a compile-time DeprecationWarning is not shown).
    """
    found: list[str] = []
    with _warnings_lock, warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        warnings.simplefilter("ignore")
        warnings.simplefilter("always", SyntaxWarning)
        yield found
    lines = source_lines(source)
    mine = []
    for w in caught:
        if w.filename != GUEST_FILENAME or not issubclass(w.category, SyntaxWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            continue
        text = f"{'<string>' if string else GUEST_FILENAME}:{w.lineno}: {w.category.__name__}: {w.message}\n"
        if not string and 0 < w.lineno <= len(lines):
            text += f"  {lines[w.lineno - 1].strip()}\n"
        mine.append(text)
    if namespace and len(mine) % 2 == 0 and mine[:len(mine) // 2] == mine[len(mine) // 2:]:
        mine = mine[:len(mine) // 2]  # compiled twice (checked as module code, then as a class body)
    if mine:
        found.append("".join(mine))


# The run executing in this context (thread), for the unraisable hook: its state, guards and source.
_live_run: contextvars.ContextVar[tuple[G.RunState, G.Guards, str] | None] = contextvars.ContextVar(
    "sandboxes_python_live_run", default=None)
_host_unraisablehook: list[Any] = []


def _install_unraisable_hook() -> None:
    """Put ``_unraisable`` in front of whatever hook the process has (kept for everything else), and
    ``_showwarning`` in front of ``warnings.showwarning``."""
    if sys.unraisablehook is not _unraisable:
        _host_unraisablehook[:] = [sys.unraisablehook]
        sys.unraisablehook = _unraisable
    if warnings.showwarning is not _showwarning:
        _host_showwarning[:] = [warnings.showwarning]
        warnings.showwarning = _showwarning


_host_showwarning: list[Any] = []


def _showwarning(message: Any, category: Any, filename: Any, lineno: Any, file: Any = None,
                 line: Any = None) -> None:
    """``warnings.showwarning``: a warning about the program's code (``coroutine 'f' was never awaited``,
    a DeprecationWarning in ``__main__``) goes to its run's stderr as CPython prints it, with the line
    from the program's source (linecache would read a file of that name on the host). Others are the
    host's."""
    live = _live_run.get()
    if filename != GUEST_FILENAME or file is not None:
        for hook in _host_showwarning or [warnings._showwarning_orig]:  # type: ignore[attr-defined]
            hook(message, category, filename, lineno, file, line)
        return
    if live is None or live[0].finished:
        return  # about a program's code whose run is over (its garbage collected now): nobody's to read
    state, _, source = live
    try:
        text = f"{filename}:{lineno}: {category.__name__}: {message}\n"
        lines = source_lines(source)
        if 0 < lineno <= len(lines) and lines[lineno - 1].strip():
            text += f"  {lines[lineno - 1].strip()}\n"
        if category is RuntimeWarning and str(message).endswith("was never awaited"):
            text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
        state.write(text, True)
    except BaseException:  # noqa: BLE001, S110 - a warning must never end the run or reach the host's stderr
        pass


def _unraisable(u: Any) -> None:
    """``sys.unraisablehook``: "Exception ignored in ..." of the program's code goes to its run's stderr.

    CPython reports an exception it cannot raise (a generator's ``finally`` raising at its
    finalization, an ``__eq__`` raising inside a dict resize) through this hook and goes on; the
    default hook writes the host's ``sys.stderr`` (in-process: program text on the host, uncapped)
    and imports ``io`` with the program's ``__import__`` to show source lines (a violation for
    correct code). Here the text is CPython's, written through the run's capped stderr. Attributed
    by the frames: the program's code of another run (its garbage finalized now) or of a finished
    run is nobody's to read and is dropped, as is the sandbox stopping such code; anything else is
    the host's and goes to the host's hook. Never raises.
    """
    try:
        exc = u.exc_value
        if isinstance(exc, G.SandboxStop):
            return
        tb = u.exc_traceback if u.exc_traceback is not None else getattr(exc, "__traceback__", None)
        frames = [f for f, _ in traceback.walk_tb(tb) if f.f_code.co_filename == GUEST_FILENAME]
        live = _live_run.get()
        if live is None or live[0].finished:
            if not frames:
                for hook in _host_unraisablehook or [sys.__unraisablehook__]:
                    hook(u)
            return
        state, guards, source = live
        if any(f.f_builtins.get("getattr") is not guards.builtin_getattr for f in frames):
            return  # another run's code
        if u.object is not None:
            try:
                what = repr(u.object)
            except BaseException:  # noqa: BLE001
                what = "<object repr() failed>"
            head = f"{u.err_msg or 'Exception ignored in'}: {what}\n"
        else:
            head = f"{u.err_msg}:\n" if u.err_msg else ""
        text = head
        if exc is not None:
            if tb is not None and exc.__traceback__ is None:
                exc = exc.with_traceback(tb)
            budget = None if state.max_output is None else max(0, state.max_output - state.out_bytes)
            body = format_exception(exc, source, budget, chain=False)  # CPython's hook prints no chain
            text += body if tb is not None else body.split("\n", 1)[1]
        state.write(text, True)  # capped: past the cap the run ends output_limit
    except BaseException:  # noqa: BLE001, S110 - a hook that raises would print on the host's stderr
        pass


def _live_message(state: G.RunState, exc: BaseException) -> str | dict[int, _Tail] | None:
    """The text the report shows for ``exc``, rendered while the run is still live: a ``__str__`` (or a
    ``__notes__`` property) of the program's is guest code, which ticks, and after the run every tick
    stops it ("the run is over"). Here it runs under the run's deadline; a stop it causes (its own loop,
    its output) is the run's verdict. A ``sys.exit`` argument: its text; any other exception: the last
    lines of every exception of its chain (``_exception_tail``), by ``id``. None: nothing to render."""
    if isinstance(exc, (G.GuestExit, SystemExit)):
        code = exc.code
        return None if code is None or isinstance(code, int) else _safe_str(code)
    if isinstance(exc, G.SandboxStop) or state.stop is not None:
        return None
    walk = _Report("", None, None, True, collect=True, state=state)
    with contextlib.suppress(_Full):
        walk.exception(exc)
    return walk.texts


# Code objects compiled from the strings a program gave exec()/eval() (compiled under the program's file
# name, which the guards use to recognise its code): tracebacks show them as CPython does.
# By identity (code objects compare equal by content: the program's own `def f` can equal an exec'd one).
_STRING_CODE: weakref.WeakValueDictionary[int, types.CodeType] = weakref.WeakValueDictionary()


def _mark_string_code(code: types.CodeType) -> None:
    _STRING_CODE[id(code)] = code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            _mark_string_code(c)


# BaseException's own C descriptors: a program's exception class cannot answer for them with code of its own.
_CAUSE = BaseException.__dict__["__cause__"].__get__
_CONTEXT = BaseException.__dict__["__context__"].__get__
_SUPPRESS = BaseException.__dict__["__suppress_context__"].__get__
_TRACEBACK = BaseException.__dict__["__traceback__"].__get__
_TYPE_MODULE = type.__dict__["__module__"].__get__
# A program can chain a million exceptions in a loop (`raise E(i) from last`): past this many links the
# report (>= 59 bytes a link) is far beyond any output cap, so the walk stops there.
_MAX_CHAIN = 100_000
_CAUSE_TEXT = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT_TEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"
# CPython's carets (3.11/3.12: one line, the C printer's rules); 3.13 changed them: none shown there.
_ANCHORS = getattr(traceback, "_extract_caret_anchors_from_line_segment", None)
_WIDTH = getattr(traceback, "_display_width", None)
_CHAR_OFFSET = getattr(traceback, "_byte_offset_to_character_offset", None)
_CARETS = sys.version_info < (3, 13) and None not in (_ANCHORS, _WIDTH, _CHAR_OFFSET)


def _exception_chain(exc: BaseException, seen: set[int] | None = None) -> list[tuple[str | None, BaseException]]:
    """``exc`` and the exceptions it was raised from or during, oldest first, each with the sentence
    printed before it: as CPython's ``print_exception`` walks them (``__cause__`` first, else
    ``__context__`` unless suppressed; an exception seen before ends the chain). ``seen``: the ids seen
    so far in the whole report (a group's members share it), updated."""
    chain: list[tuple[str | None, BaseException]] = []
    seen = set() if seen is None else seen
    e: BaseException | None = exc
    while e is not None and len(chain) < _MAX_CHAIN:  # each with the sentence between it and the one before
        seen.add(id(e))
        cause, context = _CAUSE(e), _CONTEXT(e)
        if cause is not None and id(cause) not in seen:
            chain.append((_CAUSE_TEXT, e))
            e = cause
        elif context is not None and not _SUPPRESS(e) and id(context) not in seen:
            chain.append((_CONTEXT_TEXT, e))
            e = context
        else:
            chain.append((None, e))
            e = None
    return chain[::-1]


def _plain(s: Any, default: str) -> str:
    """A str subclass as a plain str (its own methods are never called); anything else: ``default``."""
    return str.__str__(s) if isinstance(s, str) else default


def _ssize(v: Any) -> int:
    """``PyLong_AsSsize_t``: an int (a subclass's value, none of its methods called) that fits a
    ``Py_ssize_t``; anything else raises, as the C printer's reads fail."""
    if not issubclass(type(v), int):
        raise TypeError("an integer is required")
    n = int.__index__(v)
    if not -sys.maxsize - 1 <= n <= sys.maxsize:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return n


# A SyntaxError's source text longer than this is cut before it is laid out (the report is capped far below).
_MAX_SYNTAX_TEXT = 1 << 20


def _syntax_error_block(exc: BaseException) -> tuple[str, str, Any] | None:
    """What CPython's C printer (``print_exception_file_and_line``, ``parse_syntax_error``,
    ``print_error_text`` in Python/pythonrun.c) puts between a SyntaxError's frames and its last line:
    ``  File "name", line N``, the source text and a caret line; and the object printed after the type's
    name instead of ``str(exc)`` (its ``msg``). Any exception with a ``print_file_and_line`` attribute
    takes this path, as in CPython. None where the C printer's reads fail: the plain form is shown.
    Offsets count UTF-8 bytes, as the C printer counts them; the text is cut at a NUL, as C strings are.
    The text objects CPython itself cannot print (not a str, or unencodable) also get the plain form."""
    try:
        exc.print_file_and_line  # noqa: B018 - that it exists is the test, as in the C printer
        message = exc.msg
        filename = exc.filename
        lineno = _ssize(exc.lineno)
        offset = exc.offset
        offset = -1 if offset is None else _ssize(offset)
        end_lineno, end_offset = lineno, -1
        if type(exc) is SyntaxError:  # a subclass's end positions are not read
            try:
                v = exc.end_lineno
            except Exception:  # noqa: BLE001 - CPython clears this one error
                v = None
            end_lineno = lineno if v is None else _ssize(v)
            try:
                v = exc.end_offset
            except Exception:  # noqa: BLE001
                v = None
            end_offset = -1 if v is None else _ssize(v)
        text = exc.text
        head = f'  File "{"<string>" if filename is None else str(filename)}", line {lineno}\n'
        if text is None:
            return head, "", message
        if not isinstance(text, str):
            return None
        raw = str.encode(str.__getitem__(text, slice(0, _MAX_SYNTAX_TEXT)), "utf-8")
    except BaseException:  # noqa: BLE001 - the C printer then prints the plain form
        return None
    line_size = len(raw)
    if end_lineno > lineno:  # a span over several lines: to the end of the first
        end_offset = line_size
    end_offset = min(end_offset, line_size + 1)
    t = raw.split(b"\0", 1)[0]
    off = offset - 1  # 1-based to 0-based
    lead = len(t) - len(t.lstrip(b" \t\f"))
    t, off = t[lead:], off - lead
    n = len(t) - 1 if t.endswith(b"\n") else len(t)
    off = min(off, n)
    while True:  # skip the lines before the one the offset is in
        nl = t.find(b"\n")
        if nl < 0 or nl >= off:
            break
        t, n, off = t[nl + 1:], n - nl - 1, off - nl - 1
    block = ["    ", t.decode("utf-8"), "" if t[n:n + 1] == b"\n" else "\n"]
    if off >= 0:  # no caret left of the text
        block.append("    " + " " * off + "^" * (end_offset - offset if end_offset > max(offset, 0) else 1) + "\n")
    return head, "".join(block), message


def _exception_tail(exc: BaseException) -> str:
    """The lines after an exception's frames: a SyntaxError's location block (``_syntax_error_block``),
    ``module.Name: message`` (the module unless ``__main__`` or ``builtins``) and its ``__notes__``, as
    CPython prints them. Runs the program's ``__str__``."""
    return "".join(text for _, text in _exception_tail_parts(exc))


_Tail = tuple[tuple[bool, str], ...]


def _exception_tail_parts(exc: BaseException) -> _Tail:
    """``_exception_tail`` in pieces, each with whether it starts with the margin inside an exception
    group's box: where CPython's C printer writes one (``write_indented_margin``): before the type's
    line (not inside a message of several lines), before each line of a note (``str.splitlines``), before
    a SyntaxError's file line, and not before its source text and carets."""
    cls = type(exc)
    name = _plain(cls.__qualname__, _plain(cls.__name__, "<unknown>"))
    module = _TYPE_MODULE(cls)
    if module not in ("__main__", "builtins"):
        name = "".join((_plain(module, "<unknown>"), ".", name))
    block = _syntax_error_block(exc)
    out: list[tuple[bool, str]] = []
    if block is None:
        msg = _safe_str(exc, "<exception str() failed>")
    else:
        head, text, message = block
        msg = "" if message is None else _safe_str(message, "<exception str() failed>")
        out += [(True, head), (False, text)]
    out.append((True, f"{name}: {msg}\n" if msg else f"{name}\n"))
    try:
        notes = getattr(exc, "__notes__", None)
    except BaseException:  # noqa: BLE001 - CPython then prints no notes
        notes = None
    if isinstance(notes, (list, tuple)):
        for note in notes:
            out.extend((True, line) for line in _safe_str(note, "<note str() failed>").splitlines(True))
            out.append((False, "\n"))
    elif notes is not None:
        try:
            out.append((True, _plain(repr(notes), "<__notes__ repr() failed>")))
        except BaseException:  # noqa: BLE001
            out.append((True, "<__notes__ repr() failed>"))
    return tuple(out)


def _carets(line: str, pos: tuple[Any, ...], lineno: int) -> str:
    """The caret line CPython's printer puts under the failing expression (empty when it spans the whole
    shown line). The shown line loses its leading whitespace only; offsets are the code's positions."""
    end_lineno, colno, end_colno = pos[1], pos[2], pos[3]
    if colno is None or end_colno is None or end_lineno is None:
        return ""
    shown = line.lstrip(" \t\f")
    lead = len(line) - len(shown)
    start = _CHAR_OFFSET(line, colno)
    anchors = None
    if end_lineno == lineno:
        end = _CHAR_OFFSET(line, end_colno)
        try:
            anchors = _ANCHORS(line[start:end])
        except Exception:  # noqa: BLE001 - CPython then shows plain carets
            anchors = None
    else:
        end = len(line.rstrip())  # a multi-line expression: up to the line's last character
    if end - start >= len(shown) and not (anchors and anchors.right_start_offset - anchors.left_end_offset > 0):
        return ""
    dp_start, dp_end = _WIDTH(line, start), _WIDTH(line, end)
    row = "    " + " " * (dp_start - lead)
    if anchors:
        segment = line[start:end]
        left, right = _WIDTH(segment, anchors.left_end_offset), _WIDTH(segment, anchors.right_start_offset)
        row += anchors.primary_char * left + anchors.secondary_char * (right - left) + \
            anchors.primary_char * (dp_end - dp_start - right)
    else:
        row += "^" * (dp_end - dp_start)
    return row + "\n"


def _frame_entry(code: types.CodeType, lineno: int | None, lasti: int, lines: list[str]) -> str:
    """One frame as CPython prints it: file, line, function, the source line, and the carets under the
    expression that failed (from the code's own positions) where that is not the whole line."""
    name = _plain(code.co_name, "?")
    if _STRING_CODE.get(id(code)) is code:  # exec()/eval() of a string: CPython shows no source line
        return f'  File "<string>", line {lineno}, in {name}\n'
    entry = f'  File "{GUEST_FILENAME}", line {lineno}, in {name}\n'
    line = lines[lineno - 1] if lineno and 0 < lineno <= len(lines) else ""
    if not line.strip():
        return entry
    entry += "    " + line.lstrip(" \t\f") + "\n"
    if _CARETS and lasti >= 0:
        pos = next(itertools.islice(code.co_positions(), lasti // 2, None), None)
        if pos is not None:
            entry += _carets(line, pos, lineno)
    return entry


# Exception groups as CPython prints them (traceback.py's defaults, which the C printer shares).
_MAX_GROUP_WIDTH = 15
_MAX_GROUP_DEPTH = 10
_GROUP_EXCEPTIONS = BaseExceptionGroup.__dict__["exceptions"].__get__  # the C struct's tuple, never a property
# Traceback entries one report walks at most: the report is made after the deadline, and an exception raised
# again and again in a loop carries millions of entries (folded: they write nothing for the budget to stop),
# which a group can name 225 times (red team round 7: 227 s under a 2 s timeout). ~0.5 s of walking.
_MAX_WALK = 1_000_000


class _Full(Exception):
    """The report passed its budget (or its count of exceptions): what is built so far is the report."""


class _Report:
    """CPython's ``print_exception_recursive`` and ``print_exception_group`` (Python/pythonrun.c; the same
    layout as traceback.py's ``TracebackException.format``): each exception after the ones it was raised
    from or during, a group's members in boxes (``+-+---- 1 ----``, a ``| `` margin per level), at most 15
    members a group and 10 levels. ``collect``: walk the same way and only render each exception's last
    lines (``_exception_tail``) into ``texts``, by ``id``, while the run is live."""

    def __init__(self, source: str, budget: int | None, texts: dict[int, _Tail] | None, chain: bool,
                 collect: bool = False, state: G.RunState | None = None) -> None:
        self.lines = source_lines(source)
        self.budget, self.chain, self.collect, self.state = budget, chain, collect, state
        self.walked = 0  # traceback entries walked, over the whole report (folded ones write nothing)
        self.texts: dict[int, _Tail] = {} if texts is None else texts
        self.out: list[str] = []
        self.size = 0
        self.visits = 0
        self.depth = 0
        self.need_close = False
        self.seen: set[int] = set()

    def write(self, text: str) -> None:
        if self.collect:
            return
        self.out.append(text)
        self.size += len(text)
        if self.budget is not None and self.size > self.budget:
            raise _Full

    def emit(self, text: str, margin: str = "|") -> None:
        """``text`` (lines the sandbox wrote: split at ``\\n`` only) with the margin before each line."""
        if self.depth and not self.collect:
            prefix = " " * (2 * self.depth) + margin + " "
            lines = text.split("\n")
            last = lines.pop()  # "" when the text ends its last line
            text = "".join(prefix + line + "\n" for line in lines) + (prefix + last if last else "")
        self.write(text)

    def margin(self) -> None:
        if self.depth:
            self.write(" " * (2 * self.depth) + "| ")

    def exception(self, exc: BaseException) -> None:
        links = _exception_chain(exc, self.seen) if self.chain else [(None, exc)]
        for k, (text, e) in enumerate(links):
            if text is not None:
                self.emit(text)
            if k < len(links) - 1:  # print_chained: an earlier link leaves the box closing as it was
                need_close = self.need_close
                self.one(e)
                self.need_close = need_close
            else:
                self.one(e)

    def tail(self, e: BaseException) -> None:
        parts = self.texts.get(id(e))
        if parts is None:
            parts = self.texts[id(e)] = _exception_tail_parts(e)
        for margin, text in parts:
            if self.budget is not None and len(text) > self.budget:
                text = text[:self.budget + 1]
            if margin:
                self.margin()
            self.write(text)

    def one(self, e: BaseException) -> None:
        self.visits += 1
        # A stop while the texts are rendered live (the watchdog's timeout can land in, and be swallowed
        # by, the repr of one exception's arguments) ends the walk: the stop is the run's verdict.
        if self.visits > _MAX_CHAIN or (self.state is not None and self.state.stop is not None):
            raise _Full
        group = _GROUP_EXCEPTIONS(e) if issubclass(type(e), BaseExceptionGroup) else None
        if group is None:
            if _TRACEBACK(e) is not None:
                self.emit("Traceback (most recent call last):\n")
                self.frames(e)
            self.tail(e)
            return
        if self.depth > _MAX_GROUP_DEPTH:
            self.emit(f"... (max_group_depth is {_MAX_GROUP_DEPTH})\n")
            return
        top = self.depth == 0
        if top:
            self.depth += 1
        if _TRACEBACK(e) is not None:
            self.emit("Exception Group Traceback (most recent call last):\n", "+" if top else "|")
            self.frames(e)
        self.tail(e)
        count = len(group)
        n = count if count <= _MAX_GROUP_WIDTH else _MAX_GROUP_WIDTH + 1
        self.need_close = False
        for i in range(n):
            last = i == n - 1
            if last:  # the closing line may be written by a nested group
                self.need_close = True
            truncated = i >= _MAX_GROUP_WIDTH
            title = "..." if truncated else str(i + 1)
            self.write(" " * (2 * self.depth) + ("+-" if i == 0 else "  ")
                       + f"+---------------- {title} ----------------\n")
            self.depth += 1
            if truncated:
                more = count - _MAX_GROUP_WIDTH
                self.emit(f"and {more} more exception{'s' if more > 1 else ''}\n")
            else:
                self.exception(group[i])
            if last and self.need_close:
                self.write(" " * (2 * self.depth) + "+------------------------------------\n")
                self.need_close = False
            self.depth -= 1
        if top:
            self.depth = 0

    def frames(self, e: BaseException) -> None:
        if self.collect:
            return
        tb = _TRACEBACK(e)
        last: tuple[int | None, str] | None = None
        repeats = 0

        def fold() -> None:
            if repeats > 3:  # without the margin, as the C printer writes it
                n = repeats - 3
                self.write(f"  [Previous line repeated {n} more time{'s' if n > 1 else ''}]\n")

        while tb is not None:
            self.walked += 1
            if self.walked > _MAX_WALK:
                raise _Full
            frame, lineno, lasti = tb.tb_frame, tb.tb_lineno, tb.tb_lasti
            tb = tb.tb_next
            code = frame.f_code
            if code.co_filename != GUEST_FILENAME:
                continue
            key = (lineno, code.co_name)
            if key == last:
                repeats += 1
                if repeats > 3:
                    continue
            else:
                fold()
                last, repeats = key, 1
            self.emit(_frame_entry(code, lineno, lasti, self.lines))
        fold()


def format_exception(exc: BaseException, source: str, budget: int | None = None,
                     texts: dict[int, _Tail] | None = None, *, chain: bool = True) -> str:
    """A traceback with only the program's own frames and lines (never a host path), the exceptions it
    was raised from or during before it, and an exception group's members, as CPython prints them.

    Repeated frames are folded as CPython folds them (``[Previous line repeated N more times]``).
    With a ``budget`` (bytes), building stops soon after it is passed: a deep recursion through long
    source lines, a class name of megabytes or a group of groups many levels deep never becomes a string
    larger than the report may be. ``texts``: each exception's last lines rendered while the run was live
    (``_live_message``); any missing is rendered now. ``chain=False``: ``exc`` alone (as the unraisable
    hook prints it).
    """
    report = _Report(source, budget, dict(texts) if texts is not None else None, chain)
    with contextlib.suppress(_Full):
        report.exception(exc)
    return "".join(report.out)


def _format_violations(violations: tuple[Violation, ...], status: Status) -> str:
    if status is Status.COMPILE_ERROR:
        v = violations[0]
        where = f'  File "{GUEST_FILENAME}", line {v.line}\n' if v.line else ""
        return where + v.detail + "\n"
    return "".join(violation_line(v) for v in violations)


# What to use instead, for refusals that have an allowed alternative: (words in the detail, advice).
_ALTERNATIVES: tuple[tuple[str, str], ...] = (
    ('module "os', "pathlib.PurePosixPath for path strings; read input with input() or sys.stdin"),
    ('module "fileinput"', "read input with sys.stdin or input()"),
    ('module "pickle"', "json, or copy.deepcopy for copies"),
    ('module "threading"', "asyncio tasks, or plain loops"),
    ('module "multiprocessing"', "plain loops: a run has one process"),
    ('module "concurrent', "plain loops: a run has one thread"),
    ('module "secrets"', "random"),
    ('module "inspect"', "the object's own attributes (__name__, __doc__)"),
    ("open()", "read input with input() or sys.stdin, write output with print()"),
    ("compile()", "exec() or eval() of the source string"),
    ("vars()", "the attributes themselves, or __dict__ of your own objects"),
    ("memoryview", "bytes or bytearray slices"),
    ("aiter", "a plain for loop"),
)


def violation_line(v: Violation) -> str:
    """One line of the report for one refusal: where, what, and what to use instead if anything."""
    where = f"{GUEST_FILENAME}:{v.line}" if v.line else GUEST_FILENAME
    advice = next((alt for words, alt in _ALTERNATIVES if words in v.detail), None)
    return f"{where}: refused by the sandbox ({v.kind}): {v.detail}" + (f"; instead: {advice}" if advice else "") + "\n"
