"""Run-time guards: what the rewritten program calls instead of raw attribute access.

Each run gets its own ``RunState`` (deadline, output buffers, the classes the
program defined, recorded violations) and its own guard closures, so nothing
one run does can change what the next run sees.

Rules, in one place:

* reading ``obj.name``: public names are read, then the *value* is checked:
  modules (other than our facades), frames, tracebacks and code objects are
  never handed out, whatever path led to them; mutable containers found on
  classes the program did not define come back as read-only views.
  ``_private`` names only on objects and classes the program defined.
  Dunder names only from the vetted list in ``transformer``.
* writing ``obj.name``: only on objects of classes the program defined, those
  classes themselves, the program's own functions, and instances of a short
  list of host classes that are created per run (``WRITABLE_HOST_TYPES``).
* ``str.format``: replaced by a formatter that resolves fields through the guards.
* the deadline: ``tick`` (loops, calls) and ``iterate`` (for loops) check it in
  blocks; once a run is over, every further check raises again.
"""

from __future__ import annotations

import _string  # type: ignore[import-not-found]
import abc
import array
import collections
import contextlib
import contextvars
import dataclasses
import decimal
import functools
import itertools
import operator
import os
import re
import sys
import textwrap
import threading
import time
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .. import _control
from .transformer import (
    ALLOWED_DUNDER_CLASS_ATTRS,
    ALLOWED_DUNDER_DEFS,
    ALLOWED_DUNDER_READS,
    GUEST_FILENAME,
    GUEST_ONLY_DUNDER_READS,
    INSPECT_ATTRIBUTES,
    OWN_HOOK_READS,
    P_AS,
    P_MAPPING,
    P_OR,
    P_SEQUENCE,
    P_SINGLETON,
    P_STAR,
    P_VALUE,
    RESERVED_NAMES,
    RESERVED_PREFIX,
    SPECIAL_ATTRS,
)

# ------------------------------------------------------------------ stop signals


class SandboxStop(BaseException):
    """Ends a run. A BaseException so ordinary ``except Exception`` does not catch it;
    the run state remembers it, so catching it with a bare ``except`` does not help either."""

    status = "error"


class TimeoutStop(SandboxStop):
    status = "timeout"


class OutputLimitStop(SandboxStop):
    status = "output_limit"


class MemoryLimitStop(SandboxStop):
    status = "memory_limit"


class ViolationStop(SandboxStop):
    status = "violation"


class GuestExit(SandboxStop, SystemExit):
    """sys.exit() / exit() from the program: a SystemExit to it (``except SystemExit as e: e.code``)."""

    def __init__(self, code: Any = 0) -> None:
        super().__init__(code)
        self.code = code


# What the program sees of it is CPython's SystemExit (its repr, type(e).__name__).
GuestExit.__name__ = GuestExit.__qualname__ = "SystemExit"
GuestExit.__module__ = "builtins"


# ------------------------------------------------------------------ run state

TICK_BLOCK = 4096  # ticks between deadline checks
CHUNK = 4096  # items of an iteration between deadline checks, at most
FIRST_CHUNK = 64  # the first chunk's size; then it adapts to what items cost (make_iterate)
CHUNK_SECONDS = 0.002
SMALL = 4096  # immutable iterables up to this size skip the chunking

_DENIED_VALUE_TYPES = frozenset({types.ModuleType, types.FrameType, types.TracebackType, types.CodeType,
                                 types.CellType})
_MUTABLE = frozenset({dict, list, set, bytearray})
# Host classes whose instances are created per run (never shared): attribute writes allowed.
WRITABLE_HOST_TYPES: tuple[type, ...] = (decimal.Context, textwrap.TextWrapper, types.SimpleNamespace)
_FAST_ITER = frozenset({tuple, str, bytes, frozenset, range, dict, set, type({}.keys()), type({}.values()),
                        type({}.items())})

try:
    _PAGE = os.sysconf("SC_PAGE_SIZE")
    _statm = os.open("/proc/self/statm", os.O_RDONLY)
    os.close(_statm)

    def rss_bytes() -> int:
        fd = os.open("/proc/self/statm", os.O_RDONLY)
        try:
            return int(os.read(fd, 64).split()[1]) * _PAGE
        finally:
            os.close(fd)
except (OSError, ValueError, AttributeError):  # pragma: no cover - non-Linux
    def rss_bytes() -> int:
        return 0


class RunState:
    """Everything one run owns."""

    def __init__(self, *, deadline: float | None, max_output: int | None, memory_bytes: int | None,
                 stdin: str, max_items: int, max_int_bits: int, memory_cap: int | None = None) -> None:
        self.deadline = deadline
        self.max_output = max_output
        self.out_bytes = 0
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.stdin_lines = iter(stdin.splitlines(keepends=True))
        self.stdin_text = stdin
        self.guest_classes: dict[int, type] = {}  # id -> class: identity, never __eq__/__hash__
        self.violations: list[tuple[str, str, int | None]] = []
        self.stop: type[SandboxStop] | None = None
        self.stop_detail = ""
        self.halt_lock = threading.Lock()  # the watchdog's thread halts too: stop and detail are one change
        self.max_items = max_items
        self.max_int_bits = max_int_bits
        self.memory_bytes = memory_bytes
        # The run's memory limit in bytes, in either isolation (memory_bytes is None in a worker child,
        # where RLIMIT_AS enforces it): the size guards compare their estimates with it.
        self.memory_cap = memory_cap
        self.rss_base = rss_bytes() if memory_bytes else 0
        self.rss_growth = 0  # the most this run was seen to grow the process (bytes), at its checks
        self.next_mem_check = 0.0
        self.finished = False
        self.tick_filler: list[None] = []
        # The caller's hooks (sandboxes._control): the output as it is written, and a cancel that stops
        # the program at its next tick, as its deadline would (from the caller's thread).
        control = _control.current()
        self.emit: Callable[[str, str], None] | None = control.emit if control is not None and \
            control.streaming else None
        self.flush: Callable[[], None] | None = control.flush if self.emit is not None and \
            control is not None and control.batched else None
        self.woken: threading.Event | None = None  # set by a caller's cancel: ends a sleep of the program
        if control is not None:
            self.woken = threading.Event()
            woken = self.woken
            control.on_cancel(lambda: (self.halt(TimeoutStop, "cancelled by the caller"), woken.set()))
        # id -> (error, detail, line) of the ModuleNotFoundErrors of imports the policy refused (modules.py)
        self.refused_imports: dict[int, tuple[BaseException, str, int | None]] = {}
        # the targets of contextlib.redirect_stdout / redirect_stderr in force, innermost last
        self.redirects: tuple[list[Any], list[Any]] = ([], [])
        self.cleanups: list[Callable[[], None]] = []  # run by the runtime when the program's code is done

    # -- stopping ------------------------------------------------------------
    def halt(self, exc: type[SandboxStop], detail: str = "") -> SandboxStop:
        """Stop the run with ``exc`` (the first halt wins). The detail is set before the stop under a
        lock: the program's thread, seeing the stop the watchdog's thread set, ends the run and writes
        its report with that detail (the report read an empty detail when the switch fell between the
        two assignments: ``TimeoutError: `` in a CI run)."""
        with self.halt_lock:
            if self.stop is None:
                self.stop_detail = detail if len(detail) <= MAX_DETAIL_CHARS else detail[:MAX_DETAIL_CHARS] + "..."
                self.stop = exc
                self.tick_filler.clear()  # from now on every tick raises
            return self.stop(self.stop_detail or detail)

    def check(self) -> type[SandboxStop] | None:
        """The periodic check: returns the stop to raise, or None."""
        if self.stop is not None:
            return self.stop
        if self.finished:
            self.halt(TimeoutStop, "the run is over")
            return self.stop
        if self.flush is not None:
            self.flush()
        now = time.monotonic()
        if self.deadline is not None and now >= self.deadline:
            self.halt(TimeoutStop, "deadline exceeded")
            return self.stop
        if self.memory_bytes is not None and now >= self.next_mem_check:
            self.next_mem_check = now + 0.005
            return self.sample_memory()
        return None

    def sleep(self, seconds: float) -> None:
        """The program's sleep (the caller bounds it by the deadline): held output goes out first, and
        a caller's cancel ends it at once, stopping the program."""
        if self.flush is not None:
            self.flush()
        if self.woken is None:
            time.sleep(seconds)
        elif self.woken.wait(seconds) and self.stop is not None:
            raise self.stop(self.stop_detail)

    def sample_memory(self) -> type[SandboxStop] | None:
        rss = rss_bytes()
        if rss < self.rss_base:
            # Memory freed before this run (an earlier run's heap, still resident) went back to the
            # system: measuring from the old base would hide as much growth of this run.
            self.rss_base = rss
        else:
            self.rss_growth = max(self.rss_growth, rss - self.rss_base)
            if self.rss_growth > self.memory_bytes:  # type: ignore[operator]
                self.halt(MemoryLimitStop, "memory limit exceeded")
                return self.stop
        return None

    def final_check(self) -> None:
        """When the program has ended (in-process): one more memory sample, so what a single C call
        allocated with no tick after it (a format width, ``bytes.join``, a ``%`` with a computed format:
        red team F2/F7) is judged too; it stays referenced by the program's globals until then."""
        if self.memory_bytes is not None and self.stop is None:
            self.sample_memory()

    # -- output --------------------------------------------------------------
    def write(self, text: str, err: bool = False) -> int:
        if self.stop is not None:
            raise self.stop(self.stop_detail)
        n = len(text)
        if self.max_output is not None:
            size = n if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
            if self.out_bytes + size > self.max_output:
                room = self.max_output - self.out_bytes
                if room > 0:
                    (self.stderr if err else self.stdout).append(
                        text.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore"))
                self.out_bytes = self.max_output
                raise self.halt(OutputLimitStop, f"output exceeded {self.max_output} bytes")
            self.out_bytes += size
        (self.stderr if err else self.stdout).append(text)
        if self.emit is not None:
            self.emit("stderr" if err else "stdout", text)
        return n

    def record_violation(self, kind: str, detail: str) -> ViolationStop:
        # Details may quote the program's own strings (an attribute name of a megabyte): bounded, as
        # everything a run reports counts against its output.
        if len(detail) > MAX_DETAIL_CHARS:
            detail = detail[:MAX_DETAIL_CHARS] + "..."
        self.violations.append((kind, detail, _guest_line()))
        return ViolationStop(detail)  # type: ignore[return-value]

    def too_large(self, what: str, nbytes: int, key: str, limit: int) -> SandboxStop:
        """The verdict of a size guard that refuses ``what`` before C code allocates it.

        ``nbytes`` is a lower bound of what the result would take. Only when that alone exceeds the
        run's memory limit is the verdict ``memory_limit`` (the claim is then true); otherwise the
        policy's own cap refused it: a ``size`` violation that names the key (``python.<key>``).
        """
        cap = self.memory_cap
        if cap is not None and nbytes > cap:
            return self.halt(MemoryLimitStop, f"{what} would need at least {_mib(nbytes)} MiB, more than "
                                              f"the run's memory limit of {_mib(cap)} MiB")
        return self.record_violation("size", f"{what} exceeds the policy's python.{key} ({limit})")

    def room(self) -> int | None:
        """The bytes a result may still take within the run's memory limit (None: no limit): the limit
        less what the run holds, sampled now in-process (a worker's kernel limit counts the rest)."""
        cap = self.memory_cap
        if cap is None:
            return None
        if self.memory_bytes is not None:
            cap -= max(0, rss_bytes() - self.rss_base)
        return cap

    def charge(self, what: str, nbytes: int, room: int | None = None) -> None:
        """A size guard's verdict on a result of at least ``nbytes`` that one C call is about to allocate
        and fill with no tick (``str.replace``, ``join``...): refused (``memory_limit``) when it does not
        fit beside what the run already holds; results under ``FREE_BYTES`` are left to the samples."""
        if nbytes <= FREE_BYTES or self.memory_cap is None:
            return
        room = self.room() if room is None else room
        if room is not None and nbytes > room:
            held = self.memory_cap - room
            beside = f" beside the {_mib(held)} MiB the run holds" if held >= 1048576 else ""
            raise self.halt(MemoryLimitStop, f"{what} would need at least {_mib(nbytes)} MiB{beside}, more than "
                                             f"the run's memory limit of {_mib(self.memory_cap)} MiB")


FREE_BYTES = 1 << 20  # a size guard's result this small is left to the memory samples (no /proc read)
MAX_DETAIL_CHARS = 300


def _mib(n: int) -> str:
    return f"{n / 1048576:.0f}" if n >= 10 * 1048576 else f"{n / 1048576:.1f}"


def _guest_line() -> int | None:
    """Line of the innermost frame of the program (for violations raised inside guards)."""
    import sys

    f = sys._getframe(1)
    while f is not None:
        if f.f_code.co_filename == GUEST_FILENAME:
            return f.f_lineno
        f = f.f_back
    return None


class _Raiser:
    """An iterator that raises the run's stop on every ``next``: keeps a chain raising forever."""

    __slots__ = ("state",)

    def __init__(self, state: RunState) -> None:
        self.state = state

    def __iter__(self) -> _Raiser:
        return self

    def __next__(self) -> Any:
        st = self.state
        raise (st.stop or TimeoutStop)(st.stop_detail)


def make_tick(state: RunState) -> Callable[[], Any]:
    """A C-speed tick for loop bodies and function entries.

    ``chain.__next__`` walks ``filler, check, filler, check, ...``: the filler is
    a list of ``TICK_BLOCK`` Nones (C only), the check a one-shot ``map`` that
    calls ``state.check``. Every object involved is made in C, so an exception
    in the check (the stop, or a RecursionError at the limit) never kills the
    chain; once the run is stopped the filler is emptied and every tick raises.
    The watchdog empties the filler of a running run every few milliseconds to
    have the next tick check (a loop of few, huge iterations such as
    ``s = s + s`` would otherwise reach gigabytes first); the check refills it.
    """
    filler = [None] * TICK_BLOCK
    state.tick_filler = filler

    full = [None] * TICK_BLOCK

    def check(_: Any) -> None:
        if state.check() is not None:
            filler.clear()
            raise (state.stop or TimeoutStop)(state.stop_detail)
        if len(filler) < TICK_BLOCK:  # emptied by the watchdog to ask for this check
            filler[:] = full

    blocks = zip(itertools.repeat(filler), map(functools.partial(map, check), itertools.repeat((None,))))
    return itertools.chain.from_iterable(itertools.chain.from_iterable(blocks)).__next__


def make_iterate(state: RunState) -> Callable[[Any], Iterable[Any]]:
    """``for`` loops and comprehensions: long iterations are cut in chunks with a check between them."""
    repeat, islice, from_iterable = itertools.repeat, itertools.islice, itertools.chain.from_iterable

    clock = time.monotonic

    def chunks(it: Iterator[Any]) -> Iterator[Iterable[Any]]:
        # A chunk's size follows what its items cost the consumer: it doubles (up to CHUNK) while a
        # chunk takes under CHUNK_SECONDS and halves (down to 1) when it takes more, so a C consumer
        # whose items get dearer as it goes (functools.reduce(operator.concat, ...), accumulate: red
        # team F3) still reaches a check about every CHUNK_SECONDS, not once per CHUNK items.
        sentinel = object()
        size = FIRST_CHUNK
        while True:
            if state.check() is not None:
                yield _Raiser(state)
                return
            first = next(it, sentinel)
            if first is sentinel:
                return
            start = clock()
            yield repeat(first, 1)
            if size > 1:
                yield islice(it, size - 1)
            size = min(size * 2, CHUNK) if clock() - start < CHUNK_SECONDS else max(1, size // 2)

    def iterate(obj: Any) -> Iterable[Any]:
        t = type(obj)
        if t in _FAST_ITER and len(obj) <= SMALL:
            return obj  # type: ignore[no-any-return]
        return from_iterable(chunks(iter(obj)))

    return iterate


# ------------------------------------------------------------------ attribute guards

def _readonly(value: Any) -> Any:
    t = type(value)
    if t is dict:
        # A proxy over a copy, as the other views are copies: a mappingproxy compares and ``|``s by
        # handing its mapping to the other operand, whose reflected ``__eq__``/``__ror__`` would get the
        # shared dict itself (CPython bpo-43838).
        return types.MappingProxyType(dict(value))
    if t is list:
        return tuple(value)
    if t is set:
        return frozenset(value)
    if t is bytearray:
        return bytes(value)
    return value


class Facade:
    """A read-only module: only the allowlisted names, no other module object behind it."""

    __slots__ = ("_sb_name", "_sb_members")

    def __init__(self, name: str, members: dict[str, Any]) -> None:
        try:
            object.__getattribute__(self, "_sb_name")
        except AttributeError:
            pass
        else:  # facades are shared by runs: never re-initialised (``json.__init__("json", {...})``)
            raise TypeError("a module facade cannot be re-initialised")
        object.__setattr__(self, "_sb_name", name)
        # ``__name__``: CPython's ImportError of ``from m import missing`` names the module by it
        object.__setattr__(self, "_sb_members", types.MappingProxyType({"__name__": name, **members}))

    def __getattr__(self, name: str) -> Any:
        members = object.__getattribute__(self, "_sb_members")
        try:
            return members[name]
        except KeyError:
            mod = object.__getattribute__(self, "_sb_name")
            raise AttributeError(f"module '{mod}' has no attribute '{name}' (or it is not allowed)") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"module '{self._sb_name}' is read-only")

    __delattr__ = __setattr__  # type: ignore[assignment]

    def __dir__(self) -> list[str]:
        return sorted(object.__getattribute__(self, "_sb_members"))

    @property
    def __all__(self) -> list[str]:  # used by ``from m import *``
        return [n for n in object.__getattribute__(self, "_sb_members") if not n.startswith("_")]

    def __repr__(self) -> str:
        return f"<module '{object.__getattribute__(self, '_sb_name')}'>"

    def __copy__(self) -> Facade:
        raise TypeError("cannot pickle 'module' object")  # as copy.copy(module) in CPython

    def __deepcopy__(self, memo: Any) -> Facade:
        raise TypeError("cannot pickle 'module' object")

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle a module")

    def __init_subclass__(cls, **kw: Any) -> None:
        if not cls.__module__.startswith("sandboxes."):
            raise TypeError("module facades cannot be subclassed")


class Guards:
    """The guard closures of one run, bound to its state.

    "The program's own class" is decided by identity (``id(cls) in own``, the
    dict holding the classes alive), never by ``==``/``hash``, which a class
    could answer for itself.
    """

    builtin_getattr: Any = None  # the run's builtin getattr (runtime.py): marks frames of the run's code

    def __init__(self, state: RunState) -> None:
        self.state = state
        own = state.guest_classes  # id(cls) -> cls
        denied = _DENIED_VALUE_TYPES
        mutable = _MUTABLE
        _getattr = getattr
        _id = id
        max_items = state.max_items

        def own_class(cls: Any) -> bool:
            return _id(cls) in own

        def is_guest(obj: Any) -> bool:
            """Whether the program itself made ``obj`` (instance or class of its own, or its function)."""
            if isinstance(obj, type):
                return _id(obj) in own
            t = type(obj)
            if _id(t) in own:
                return True
            if t is types.FunctionType:
                return obj.__code__.co_filename == GUEST_FILENAME  # type: ignore[no-any-return]
            return False

        size_checks = self.size_checks = SizeChecks(state)

        def check_value(obj: Any, name: str, value: Any) -> Any:
            out = value_rules(obj, name, value)
            if name in SIZED_SLOTS and type(out) in _SLOT_TYPES and not is_guest(getattr(out, "__func__", out)):
                return sized_slot(name, out)
            if name == "__format__" and type(out) in _FORMAT_SLOT_TYPES:
                return format_slot(out)
            if name in ("__new__", "__init__"):
                counted = byte_count_slot(out, name)
                if counted is not None:
                    return counted
            if name == "__iadd__" and type(out) in _SLOT_TYPES:
                fed = fed_method(out, name)
                if fed is not None:
                    return fed
            return out

        def byte_count_slot(slot: Any, name: str) -> Any:
            """``bytes.__new__(bytes, n)``, ``bytearray.__init__(b, n)``, ``b.__init__(n)``: the count
            checked as ``bytes(n)``/``bytearray(n)`` check it (F7), or None for any other value."""
            if type(slot) is types.MethodWrapperType and name == "__init__" and isinstance(slot.__self__, bytearray) \
                    and slot.__name__ == "__init__":
                def init(*args: Any, **kw: Any) -> Any:
                    return slot(*_byte_count(state, "bytearray", args, kw), **kw)
                return init
            if slot is _BYTEARRAY_INIT:
                def unbound_init(self_: Any, *args: Any, **kw: Any) -> Any:
                    return slot(self_, *_byte_count(state, "bytearray", args, kw), **kw)
                return unbound_init
            if slot is _BYTES_NEW:
                def new(cls: Any, *args: Any, **kw: Any) -> Any:
                    return slot(cls, *_byte_count(state, "bytes", args, kw), **kw)
                return new
            return None

        def format_slot(slot: Any) -> Any:
            """``x.__format__`` / ``T.__format__`` of a library type: its spec's widths checked first (F7)."""
            if type(slot) is types.BuiltinMethodType:
                def bound_format(spec: Any) -> Any:
                    size_checks.spec(spec)
                    return slot(spec)
                bound_format.__name__ = bound_format.__qualname__ = "__format__"
                return bound_format

            def unbound_format(self_: Any, spec: Any) -> Any:
                size_checks.spec(spec)
                return slot(self_, spec)
            unbound_format.__name__ = unbound_format.__qualname__ = "__format__"
            return unbound_format

        def sized_slot(name: str, slot: Any) -> Any:
            """An operator slot that allocates by its arguments (``a.__mul__``, ``list.__mul__``,
            ``(1).__lshift__``, ``int.__pow__``, UserList's), read as an attribute: the size guards of
            the operator check its arguments first (red team F2: the bound slot bypassed them)."""
            self_ = getattr(slot, "__self__", _MISSING) if type(slot) in _BOUND_SLOT_TYPES else _MISSING
            args_of = size_checks.slot_args
            if self_ is not _MISSING:
                def bound_slot(*args: Any, **kw: Any) -> Any:
                    return slot(*args_of(name, self_, args), **kw)
                out = bound_slot
            else:
                def unbound_slot(target: Any, *args: Any, **kw: Any) -> Any:
                    return slot(target, *args_of(name, target, args), **kw)
                out = unbound_slot
            out.__name__ = out.__qualname__ = name
            out.__doc__ = getattr(slot, "__doc__", None)
            return out

        def value_rules(obj: Any, name: str, value: Any) -> Any:
            t = type(value)
            if name == "__init__" and reinit_refused(obj):
                raise state.record_violation("attribute", f"re-initialising a '{type(obj).__name__}' object the "
                                                          f"program did not create is not allowed (via .__init__)")
            if t in denied:
                if isinstance(value, Facade):
                    return value
                raise state.record_violation("attribute", f"access to {t.__name__} objects is not allowed "
                                                          f"(via .{name})")
            if t in mutable and (isinstance(obj, Facade) or shared_state(obj, name, value)):
                return _readonly(value)
            if t is _MappingProxy and not is_guest(obj):
                # A library's own read-only view (a cached pattern's groupindex) hands its mapping to
                # the other operand of ==, <, | (bpo-43838): a view of a copy instead.
                return _MappingProxy(dict(value))
            if t is _FunctionType and value.__code__.co_filename != GUEST_FILENAME:
                if isinstance(obj, type):
                    return unbound(obj, name, value)
                if type(obj) is super and isinstance(obj.__self__, type):  # super(C, C).__init__
                    return unbound(obj.__self__, name, value)
            return value

        def reinit_refused(obj: Any) -> bool:
            """``obj.__init__`` bound to an object is a write to it: calling it again re-initialises the
            object in place (``typing.Optional.__init__(f)`` replaced the shared special form of every
            later run). Allowed where the program may write anyway, or where it is ``object.__init__``."""
            target = obj.__self__ if type(obj) is super else obj
            if isinstance(target, type):
                return False  # a class's __init__ is a function read from a class: checked by unbound()
            cls = type(target)
            return not (is_guest(target) or isinstance(target, (*WRITABLE_HOST_TYPES, BaseException))
                        or cls in _REINIT_OK or cls.__init__ is object.__init__)

        def shared_state(obj: Any, name: str, value: Any) -> bool:
            """Whether ``value`` (read as ``obj.name``) is class-level state of a class the program did
            not define: found, by identity, in that class's ``__dict__``, however it was reached (the
            class, an instance, a subclass of the program's, ``super()``). Per-instance state is not."""
            if type(obj) is super:
                mro = obj.__self_class__.__mro__
                this = obj.__thisclass__
                mro = mro[next((i + 1 for i, c in enumerate(mro) if c is this), 0):]
            elif isinstance(obj, type):
                mro = obj.__mro__
            else:
                try:
                    d = object.__getattribute__(obj, "__dict__")
                except AttributeError:
                    d = None
                if type(d) is dict and d.get(name, _MISSING) is value:
                    return False  # the instance's own state (the common case: self.items)
                mro = type(obj).__mro__
            for c in mro:
                d = c.__dict__
                if name in d:
                    return d[name] is value and _id(c) not in own
            return False

        def unbound(cls: type, name: str, fn: Any) -> Any:
            """A library (or generated) function read from a class, e.g. ``Base.__init__``: its first
            argument must be an instance of that class, or it would write onto anything
            (``UserDict.__init__(fractions.Fraction)``)."""
            for c in cls.__mro__:
                if name in c.__dict__:
                    if isinstance(c.__dict__[name], staticmethod):
                        return fn
                    break

            def call(*args: Any, **kwargs: Any) -> Any:
                if not args or not (isinstance(args[0], cls) or is_guest(args[0])):
                    raise TypeError(f"{cls.__name__}.{name}() needs a {cls.__name__} instance or one of the "
                                    f"program's own objects as its first argument")
                if name == "__init__" and reinit_refused(args[0]):  # _SpecialForm.__init__(typing.Optional, f)
                    raise state.record_violation("attribute", f"re-initialising a '{type(args[0]).__name__}' "
                                                              f"object the program did not create is not allowed")
                return fn(*args, **kwargs)

            call.__name__ = fn.__name__
            call.__qualname__ = fn.__qualname__
            call.__doc__ = fn.__doc__
            return call

        def class_dict(cls: type) -> Any:
            """``C.__dict__`` of the program's own class, with library functions checked like ``C.name``."""
            return types.MappingProxyType({k: check_value(cls, k, v) for k, v in cls.__dict__.items()})

        def width_checked(method: Any, name: str) -> Any:
            tabs = name == "expandtabs"

            def call(*args: Any, **kw: Any) -> Any:
                if tabs and not args and list(kw) == ["tabsize"]:  # expandtabs(tabsize=n)
                    args, kw = (kw["tabsize"],), {}
                if not args:
                    return method(*args, **kw)  # expandtabs(): 8; the others raise their own TypeError
                width = operator.index(args[0])  # once: an __index__ of the program's could answer twice
                if width > max_items:
                    raise state.too_large(f"{type(method.__self__).__name__}.{name}() of width {width}", width,
                                          "max_sequence_items", max_items)
                if tabs:
                    _check_expandtabs(state, method.__self__, width)
                return method(width, *args[1:], **kw)
            return call

        def length_checked(method: Any, unbound: bool) -> Any:
            """``int.to_bytes``: the length it allocates (and fills) in one C call, checked first (F7)."""
            def check(length: Any) -> int:
                length = operator.index(length)  # once: an __index__ of the program's could answer twice
                if length > max_items:
                    raise state.too_large(f"int.to_bytes() of length {length}", length, "max_sequence_items",
                                          max_items)
                return length  # type: ignore[no-any-return]

            if unbound:
                def to_bytes_unbound(self_: Any, length: Any = 1, *args: Any, **kw: Any) -> Any:
                    return method(self_, check(length), *args, **kw)
                return to_bytes_unbound

            def to_bytes(length: Any = 1, *args: Any, **kw: Any) -> Any:
                return method(check(length), *args, **kw)
            return to_bytes

        feed = make_iterate(state)

        def fed_method(method: Any, name: str) -> Any:
            """``l.extend(it)``, ``d.extend(it)``, ``b.extend(it)`` of a list, deque or bytearray, bound or
            unbound, however reached: an argument that is not a container (an iterator, a map over the
            receiver itself) is fed through the run's chunked iteration, so a C loop growing the
            receiver from itself (``l.extend(iter(l))``: red team F15) reaches the memory and deadline
            checks; containers (the receiver too, which CPython copies first) pass as they are."""
            t = type(method)
            if t in (types.BuiltinMethodType, types.MethodWrapperType) and isinstance(method.__self__, _FED_TYPES) \
                    and method.__name__ == name:
                def fed(iterable: Any, /) -> Any:
                    return method(iterable if type(iterable) in _FED_AS_IS else feed(iterable))
            elif t in (types.MethodDescriptorType, types.WrapperDescriptorType) \
                    and any(method is c.__dict__.get(name) for c in _FED_TYPES):
                def fed(self_: Any, iterable: Any, /) -> Any:  # type: ignore[misc]
                    return method(self_, iterable if type(iterable) in _FED_AS_IS else feed(iterable))
            else:
                return None
            fed.__name__ = fed.__qualname__ = name
            fed.__doc__ = method.__doc__
            return fed

        def join_method(method: Any) -> Any:
            """``sep.join(items)`` of a ``str``, ``bytes`` or ``bytearray``, bound or unbound: CPython sizes
            the result, allocates it and fills it in one C call with no tick, so a join of big items
            (``"".join([s] * 10**5)`` with a 100 kB ``s``: 10 GB) went past the memory limit before the
            memory sample saw it (red team round 5). The result's size is summed first (``str.__len__``,
            a buffer's ``nbytes``: a program's own ``__len__`` cannot answer) and refused above the
            memory limit; anything the sum cannot size is left to the join itself (its own errors)."""
            t = type(method)
            if t is types.BuiltinMethodType and isinstance(method.__self__, (str, bytes, bytearray)) \
                    and method.__name__ == "join":
                sep = method.__self__
                kind = str if isinstance(sep, str) else bytes

                def join(iterable: Any, /) -> Any:
                    items = iterable if type(iterable) in (list, tuple) else list(feed(iterable))
                    check_join(kind, sep, items)
                    return method(items)
                return join
            for kind in (str, bytes, bytearray):
                if method is kind.join:
                    def join_unbound(self_: Any, iterable: Any, /, _kind: type = kind) -> Any:
                        if not isinstance(self_, _kind):
                            return method(self_, iterable)  # the descriptor's own TypeError
                        items = iterable if type(iterable) in (list, tuple) else list(feed(iterable))
                        check_join(_kind, self_, items)
                        return method(self_, items)
                    return join_unbound
            return None

        def check_join(kind: type, sep: Any, items: Any) -> None:
            cap = state.memory_cap
            if cap is None or len(items) < 2:
                return
            try:
                if kind is str:
                    size = sum(map(str.__len__, items))
                    size += str.__len__(sep) * (len(items) - 1)
                else:
                    size = sum(memoryview(x).nbytes for x in items)
                    size += memoryview(sep).nbytes * (len(items) - 1)
            except TypeError:
                return  # the join raises its own error for what it cannot join
            state.charge(f"{kind.__name__}.join()", size)

        def sized_text_method(method: Any, name: str) -> Any:
            """The stand-in of ``replace``/``translate`` of ``str``, ``bytes``, ``bytearray`` (bound or unbound,
            however reached: an alias, ``getattr``, ``map(str.replace, ...)``, ``functools.partial``) or of
            ``UserString`` (library code calling ``self.data.replace``), or None: the result's size is
            charged before the C call makes it (``_replace_args``, ``_translate_args``)."""
            sized = _SIZED_TEXT_ARGS[name]
            kinds = _SIZED_TEXT_TYPES[name]
            t = type(method)
            if t is types.BuiltinMethodType and isinstance(method.__self__, kinds) and method.__name__ == name:
                target = method.__self__

                def bound(*args: Any, **kw: Any) -> Any:
                    return method(*(sized(state, target, args) if not kw else args), **kw)
                bound.__name__ = bound.__qualname__ = name
                return bound
            us_fn = collections.UserString.__dict__[name]
            if t is types.MethodType and method.__func__ is us_fn:
                target = method.__self__

                def bound_us(*args: Any, **kw: Any) -> Any:
                    if kw:  # replace(old, new, maxsplit=-1) by keyword: the same call, positional
                        try:
                            args, kw = _US_ARGS[name](*args, **kw), {}
                        except TypeError:
                            return method(*args, **kw)  # the function's own message
                    data = _text_of(target)
                    if data is not None:
                        args = sized(state, data, tuple(a.data if isinstance(a, collections.UserString)
                                                        and isinstance(_text_of(a), str) else a for a in args))
                    return method(*args, **kw)
                bound_us.__name__ = bound_us.__qualname__ = name
                return bound_us
            for kind in kinds:
                if method is kind.__dict__[name]:
                    def unbound(*args: Any, _kind: type = kind, **kw: Any) -> Any:
                        if kw or not args or not isinstance(args[0], _kind):
                            return method(*args, **kw)  # the descriptor's own errors
                        return method(args[0], *sized(state, args[0], args[1:]))
                    unbound.__name__ = unbound.__qualname__ = name
                    return unbound
            if method is us_fn:
                def unbound_us(self_: Any, *args: Any, **kw: Any) -> Any:
                    if not (isinstance(self_, collections.UserString) or is_guest(self_)):
                        raise TypeError(f"UserString.{name}() needs a UserString instance or one of the program's "
                                        f"own objects as its first argument")
                    return sized_text_method(method.__get__(self_), name)(*args, **kw)
                return unbound_us
            return None

        def width_method(method: Any, name: str) -> Any:
            """The width-checked stand-in of ``ljust``/``center``/... of ``str``, ``bytes``, ``bytearray``
            or ``UserString``, bound or unbound, however it was reached (``super()``, an alias), or None."""
            t = type(method)
            if t is types.BuiltinMethodType and isinstance(method.__self__, (str, bytes, bytearray)) \
                    or t is types.MethodType and method.__func__ is getattr(collections.UserString, name, None):
                return width_checked(method, name)
            if any(method is getattr(c, name, None) for c in (str, bytes, bytearray, collections.UserString)):
                def unbound_width(self_: Any, *args: Any, **kw: Any) -> Any:
                    # str's descriptors check their first argument; UserString's function would take anything
                    if type(method) is _FunctionType and not (isinstance(self_, collections.UserString)
                                                              or is_guest(self_)):
                        raise TypeError(f"UserString.{name}() needs a UserString instance or one of the program's "
                                        f"own objects as its first argument")
                    if type(method) is not _FunctionType and not isinstance(self_, method.__objclass__):
                        return method(self_, *args, **kw)  # the descriptor's own TypeError
                    return width_checked(method.__get__(self_), name)(*args, **kw)
                return unbound_width
            return None

        def special(obj: Any, name: str) -> Any:
            if type(obj) in aliases:
                origin = alias_origin(obj, name)
                if origin is not None:
                    return special(origin, name)
            if name == "register" and _id(obj) not in own and (
                    isinstance(obj, abc.ABCMeta) or isinstance(obj, type) and issubclass(obj, abc.ABCMeta)):
                raise AttributeError("registering with a shared abstract base class is not allowed")
            if name in ("get_stack", "print_stack"):
                target = obj.__self__ if type(obj) is super else obj
                aio = sys.modules.get("asyncio")
                if aio is not None and (isinstance(target, aio.Future) or isinstance(target, type)
                                        and issubclass(target, aio.Future)):
                    # a task's frames (get_stack), or its stack printed on the host's stderr
                    raise state.record_violation("attribute", f"Task.{name}() is not available: it hands out "
                                                              "the interpreter's frames")
            if name == "obj" and isinstance(obj, BaseException):
                raise AttributeError("the 'obj' attribute of exceptions is not available")
            v = _getattr(obj, name)
            if name in ("format", "format_map"):
                fmt = self.formatting_method(v)  # decided by what the method is, not by the receiver
                if fmt is not None:
                    return fmt
            elif name == "register" and type(v) is types.MethodType and v.__func__ is _ABC_REGISTER \
                    and _id(v.__self__) not in own:
                raise AttributeError("registering with a shared abstract base class is not allowed")
            if name == "join":
                joined = join_method(v)
                if joined is not None:
                    return joined
            if name in _SIZED_TEXT_ARGS:
                sized = sized_text_method(v, name)
                if sized is not None:
                    return sized
            elif name in _RE_METHODS:
                sized = _sized_pattern_method(state, v, name)
                if sized is not None:
                    return sized
            if name in _WIDTH_METHODS:
                checked = width_method(v, name)
                if checked is not None:
                    return checked
            if name == "to_bytes" and (v is _INT_TO_BYTES or type(v) is types.BuiltinMethodType
                                       and isinstance(v.__self__, int) and v.__name__ == "to_bytes"):
                return length_checked(v, v is _INT_TO_BYTES)
            if name in _FED_METHODS:
                fed = fed_method(v, name)
                if fed is not None:
                    return fed
            if name == "mro" and isinstance(obj, type) and type(v) is types.BuiltinMethodType:
                return lambda: list(_guest_view(v()))  # the MRO as __mro__ shows it
            return check_value(obj, name, v)

        aliases = _ALIAS_TYPES
        watch = denied | mutable | {_FunctionType, _MappingProxy}

        def ga(obj: Any, name: str) -> Any:
            """Public attribute names (the hot path: one getattr and one set lookup). A typing alias
            answers with its origin's value; only a value the rules look at is decided again, as
            ``origin.name``."""
            v = _getattr(obj, name)
            if type(v) in watch:
                if type(obj) in aliases:
                    origin = alias_origin(obj, name)
                    if origin is not None:
                        return ga(origin, name)
                return check_value(obj, name, v)
            return v

        def str_join(sep: str, iterable: Any, /) -> str:
            """``sep.join`` of a plain ``str`` (the common case, kept short: see ``join_method``)."""
            items = iterable if type(iterable) in _LIST_TUPLE else list(feed(iterable))
            check_join(str, sep, items)
            return _STR_JOIN(sep, items)

        def gs(obj: Any, name: str) -> Any:
            """Public names that need a special rule (``SPECIAL_ATTRS``)."""
            if name == "join" and type(obj) is str:
                return _partial(str_join, obj)
            return special(obj, name)

        def gp(obj: Any, name: str) -> Any:
            """``_private`` names: only what the program itself defined."""
            refused = private_refused(obj, name)
            if refused is not None:
                if type(obj) in aliases:  # an alias has no private names of the program's: its origin may
                    origin = alias_origin(obj, name)
                    if origin is not None:
                        return gp(origin, name)
                raise refused
            return check_value(obj, name, _getattr(obj, name))

        def private_ok(obj: Any, name: str) -> bool:
            if type(obj) is super:  # super()._helper(): look in the classes after __thisclass__
                target = obj.__self__
                cls = target if isinstance(target, type) else type(target)
                if _id(cls) not in own:
                    return False
                mro = cls.__mro__
                this = obj.__thisclass__
                start = next((i + 1 for i, c in enumerate(mro) if c is this), 0)
                return any(_id(c) in own and name in c.__dict__ for c in mro[start:])
            if isinstance(obj, type):
                classes = obj.__mro__ if _id(obj) in own else ()
            else:
                cls = type(obj)
                if _id(cls) not in own:
                    return False
                try:
                    d = object.__getattribute__(obj, "__dict__")
                    if type(d) is dict and name in d:
                        return True
                except AttributeError:
                    pass
                classes = cls.__mro__
            return any(_id(c) in own and name in c.__dict__ for c in classes)

        def dunder_ok(obj: Any, name: str) -> None:
            """The name half of ``gd``: raises unless the dunder ``name`` may be read on ``obj``."""
            if name in GUEST_ONLY_DUNDER_READS:
                if name == "__wrapped__" and (is_guest(obj) or type(obj) is _LRU_WRAPPER) \
                        or name == "__annotations__" and type(obj) is _FunctionType and is_guest(obj):
                    return  # the program's own function's (or what its decorator, or lru_cache, wrapped)
                if _id(obj if isinstance(obj, type) else type(obj)) not in own:
                    raise AttributeError(f"'{name}' is only readable on the program's own objects")
            elif name in OWN_HOOK_READS:
                # super().__init_subclass__(**kw) and the like: bound to the program's class or object
                target = obj.__self__ if type(obj) is super else obj
                if _id(target if isinstance(target, type) else type(target)) not in own:
                    raise AttributeError(f"'{name}' is only readable on the program's own classes and objects")
            elif name not in ALLOWED_DUNDER_READS:
                raise state.record_violation("attribute", f"access to attribute '{name}' is not allowed")

        def private_refused(obj: Any, name: str) -> AttributeError | None:
            """The name half of ``gp``: the error to raise, or None if ``obj._name`` may be read."""
            if name in _NAMEDTUPLE_API and isinstance(obj, (tuple, type)) or private_ok(obj, name):
                return None
            return AttributeError(f"'{type(obj).__name__}' object attribute '{name}' is private "
                                  f"(only the program's own objects expose _names)")

        def gd(obj: Any, name: str) -> Any:
            """Dunder names: the vetted list, plus a few on the program's own objects."""
            if type(obj) in aliases:
                origin = alias_origin(obj, name)
                if origin is not None:
                    return gd(origin, name)
            dunder_ok(obj, name)
            if name == "__class__":
                return safe_type(obj)
            if name == "__dict__" and isinstance(obj, type):
                return class_dict(obj)
            if name == "__mro__" and isinstance(obj, type):
                return _guest_view(obj.__mro__)
            if name == "__setattr__" or name == "__delattr__":
                return attribute_setter(obj, name)
            return check_value(obj, name, _getattr(obj, name))

        def attribute_setter(obj: Any, name: str) -> Any:
            """``obj.__setattr__``/``__delattr__``, as a stand-in that applies the write guard's rules to the
            object it writes and the name it writes (``object.__setattr__(self, 'x', v)`` in a frozen
            dataclass's ``__post_init__``): the raw slot would write any object's attributes."""
            raw = _getattr(obj, name)
            verb = "setting" if name == "__setattr__" else "deleting"

            def checked(target: Any, attr: Any) -> str:
                if type(attr) is not str:
                    if not isinstance(attr, str):
                        raise TypeError(f"attribute name must be string, not '{type(attr).__name__}'")
                    attr = str.__str__(attr)
                if attr.startswith("__") or attr.startswith(RESERVED_PREFIX) or attr in INSPECT_ATTRIBUTES:
                    raise AttributeError(f"{verb} attribute '{attr}' is not allowed")
                write(target)
                return attr  # type: ignore[no-any-return]

            bound_to = obj.__self__ if type(obj) is super else obj
            if isinstance(obj, type) or type(obj) is super and isinstance(bound_to, type):
                def unbound_setter(target: Any, attr: Any, *value: Any) -> Any:
                    return raw(target, checked(target, attr), *value)
                unbound_setter.__name__ = unbound_setter.__qualname__ = name
                return unbound_setter

            def bound_setter(attr: Any, *value: Any) -> Any:
                return raw(checked(bound_to, attr), *value)
            bound_setter.__name__ = bound_setter.__qualname__ = name
            return bound_setter

        def write(obj: Any) -> Any:
            """The write guard: hand back ``obj`` if the program may assign its attributes."""
            if is_guest(obj) or isinstance(obj, WRITABLE_HOST_TYPES) and not isinstance(obj, type):
                return obj
            if isinstance(obj, type):
                raise TypeError(f"cannot set attributes of built-in or library class '{obj.__name__}'")
            if isinstance(obj, (Facade, types.ModuleType)):
                raise TypeError("modules are read-only in the sandbox")
            raise TypeError(f"cannot set attributes of '{type(obj).__name__}' objects in the sandbox")

        def register_class(cls: Any) -> Any:
            """The innermost decorator of every class statement: marks the class it just created."""
            if isinstance(cls, type) and cls.__dict__.get("__module__") == "__main__":
                own[_id(cls)] = cls
                if CLASS_MARK_NAME in cls.__dict__:  # a metaclass that copied the namespace (NamedTuple)
                    with contextlib.suppress(AttributeError, TypeError):
                        type.__delattr__(cls, CLASS_MARK_NAME)
            return cls

        self.class_mark = EarlyMark(own)

        def new_class(name: Any, bases: Any, ns: Any, **kw: Any) -> Any:
            """type(name, bases, namespace): the class-body rules apply to the namespace."""
            if type(ns) is not dict:
                raise TypeError("type() argument 3 must be dict")
            # Decided on, and the class made from, exact str keys: a str subclass's own
            # startswith/__eq__ could answer the rules anything while type() stores the key as is and
            # the class machinery finds it by its characters ("__subclasshook__" passed as harmless).
            clean: dict[str, Any] = {}
            for key, value in dict.items(ns):
                if not isinstance(key, str):
                    raise TypeError("type() namespace keys must be strings")
                key = str.__str__(key)
                bad = _class_attr_problem(key)
                if bad:
                    raise state.record_violation("attribute", f"type(): {bad}")
                clean[key] = value
            exit_ = clean.get("__exit__")
            if exit_ is not None and not (type(exit_) is types.FunctionType and is_guest(exit_)
                                          and exit_.__code__.co_name == "__exit__"):
                # only a ``def __exit__`` of the program's: its traceback argument arrives as None
                raise state.record_violation("attribute", "type(): __exit__ must be a function defined "
                                                          "with 'def __exit__'")
            ns = clean
            if kw:
                raise state.record_violation("class", "type(): class keywords (metaclass=...) are not allowed")
            if not isinstance(bases, tuple):
                raise TypeError("type.__new__() argument 2 must be tuple, not " + type(bases).__name__)
            winner, _ = check_bases("type()", tuple(b for b in bases if isinstance(b, type)))
            _check_set_name("type()", ns, state)
            ns = dict(ns)
            ns["__module__"] = "__main__"
            cls = type(name, bases, ns)
            check_not_metaclass(cls)
            own[_id(cls)] = cls
            return cls

        def check_not_metaclass(cls: Any) -> None:
            if isinstance(cls, type) and issubclass(cls, type):
                raise state.record_violation("class", f"class {cls.__name__!r} would be a metaclass "
                                                      f"(a subclass of type), which is not allowed")

        def check_bases(what: str, bases: tuple[Any, ...], meta: Any = _MISSING) -> tuple[Any, tuple[Any, ...]]:
            """What the class machinery would do with these bases and this metaclass, decided by what
            they are: ``(winning metaclass, bases after __mro_entries__)``, or a violation.

            * a non-class base may stand for others only if it is one of the typing aliases
              (``__mro_entries__`` is host code run with the bases);
            * the metaclass the interpreter would pick (an explicit one, or the most derived of the
              bases') must be one of ``ALLOWED_METACLASSES``: the real ``EnumType`` is not (its
              functional API takes any namespace), the sandbox's enums have their own;
            * every class in the bases' MROs is the program's own, a library class the program can
              name (``HOST_CLASSES``), or a class a library made for it whose namespace carries no
              hook the program could have chosen (``__init_subclass__``, ``__set_name__``,
              ``__getattr__``... from the program, or a builtin put there).
            """
            resolved: list[Any] = []
            for b in bases:
                if isinstance(b, type):
                    resolved.append(b)
                    continue
                entries = getattr(type(b), "__mro_entries__", None)
                if entries is None:
                    resolved.append(b)  # the interpreter refuses it with its own TypeError
                    continue
                if type(b) not in _ALIAS_TYPES and not any(b is f for f in _ALIAS_FUNCTIONS):
                    raise state.record_violation("class", f"{what}: base {type(b).__name__!r} objects may not "
                                                          "stand for other bases")
                new = b.__mro_entries__(tuple(bases))
                if not isinstance(new, tuple):
                    raise TypeError("__mro_entries__ must return a tuple")
                resolved.extend(new)
            winner: Any = type if meta is _MISSING else (type if meta is SafeType else meta)
            if meta is not _MISSING and meta is not SafeType and meta not in ALLOWED_METACLASSES:
                raise state.record_violation("class", f"{what}: metaclass {_describe(meta)} is not allowed")
            for b in resolved:
                if not isinstance(b, type):
                    continue
                t = type(b)
                if issubclass(winner, t):
                    continue
                if issubclass(t, winner):
                    winner = t
                    continue
                raise TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                "subclass of the metaclasses of all its bases")
            if winner not in ALLOWED_METACLASSES:
                raise state.record_violation("class", f"{what}: the metaclass {winner.__name__!r} of its bases "
                                                      "is not allowed")
            for b in resolved:
                if not isinstance(b, type):
                    continue
                if issubclass(b, type):
                    raise state.record_violation("class", f"{what}: a subclass of type would be a metaclass, "
                                                          "which is not allowed")
                for c in b.__mro__:
                    if _id(c) in own or _id(c) in HOST_CLASSES:
                        continue
                    hook = _smuggled_hook(c)
                    if hook:
                        raise state.record_violation("class", f"{what}: base {c.__name__!r} carries a {hook} "
                                                              "that the class machinery would run")
            return winner, tuple(resolved)

        def build_class(func: Any, name: Any, /, *bases: Any, **kw: Any) -> Any:
            """``__build_class__`` of the program: bases and keywords are checked at run time by what
            they are (``check_bases``), the namespace the body made before the metaclass sees it
            (``set_name`` hooks of its values), and the class it made is the program's own."""
            meta = kw.pop("metaclass", _MISSING)
            what = f"class {name!r}" if isinstance(name, str) else "a class"
            winner, resolved = check_bases(what, bases, meta)
            cls = _build_class(func, name, *bases, metaclass=_Metaclass(winner, state, what), **kw)
            check_not_metaclass(cls)
            if isinstance(cls, type):
                own[_id(cls)] = cls  # made here by an allowed metaclass: a new class
            return cls

        self.check_bases = check_bases

        self.new_class = new_class
        self.build_class = build_class
        self.own_class = own_class

        self.ga, self.gs, self.gp, self.gd, self.write, self.is_guest = ga, gs, gp, gd, write, is_guest

        self.register_class = register_class

        # -- match: patterns are matched here, never by MATCH_CLASS --------------------------
        def match_case(subject: Any, spec: Any) -> dict[str, Any] | None:
            """``_sb_mc(subject, spec)``: the captures of a case whose pattern has a class pattern in it,
            or None if the subject does not match.

            MATCH_CLASS (C) reads a class pattern's attributes from the subject itself, with the
            interpreter's lookup, after whatever check the guards made beforehand: any code that runs
            in between (a property of the program's, a library descriptor calling the program's
            callable) can change what a later name resolves to (red team F1, F1b). So the interpreter
            never matches a class pattern: the transformer turns such a case into
            ``case _ if (captures := _sb_mc(subject, spec)) is not None and (x := captures['x'], ...)``
            and the pattern is matched here, with CPython's semantics: each name is read once, as
            ``subject.name`` (``getattr``'s guard, which hands out what ``obj.name`` hands out), and the
            sub-patterns are matched against the values that read returned. ``spec`` is the pattern as
            nested tuples (``_match_pattern``); its classes, values and keys are evaluated when reached.
            """
            binds: dict[str, Any] = {}
            return binds if _match_pattern(subject, spec, binds, guarded_getattr) else None

        self.match_case = match_case
        self.match_value = lambda obj: _GuardedRead(obj, guarded_getattr)

        # -- builtins that read or write attributes by name ------------------------
        def guarded_getattr(obj: Any, name: str, *default: Any) -> Any:
            if type(name) is not str:
                raise TypeError("attribute name must be string")
            if len(default) > 1:
                raise TypeError("getattr expected at most 3 arguments")
            bad = _attr_name_problem(name)
            if bad:
                raise state.record_violation("attribute", bad)
            # ``__x`` (not a dunder: CPython mangles only names in class bodies) follows the private rules
            fn = gd if name.startswith("__") and name.endswith("__") else gp if name.startswith("_") \
                else gs if name in SPECIAL_ATTRS else ga
            try:
                return fn(obj, name)
            except AttributeError:
                if default:
                    return default[0]
                raise

        def guarded_hasattr(obj: Any, name: str) -> bool:
            try:
                guarded_getattr(obj, name)
                return True
            except AttributeError:
                return False

        def guarded_setattr(obj: Any, name: str, value: Any) -> None:
            if type(name) is not str:
                raise TypeError("attribute name must be string")
            if name.startswith("__") or name.startswith("_sb_") or name in INSPECT_ATTRIBUTES:
                raise AttributeError(f"setting attribute '{name}' is not allowed")
            setattr(write(obj), name, value)

        def guarded_delattr(obj: Any, name: str) -> None:
            if type(name) is not str:
                raise TypeError("attribute name must be string")
            if name.startswith("__") or name.startswith("_sb_"):
                raise AttributeError(f"deleting attribute '{name}' is not allowed")
            delattr(write(obj), name)

        self.getattr, self.hasattr, self.setattr, self.delattr = (guarded_getattr, guarded_hasattr,
                                                                  guarded_setattr, guarded_delattr)

    # -- str.format through the guards ---------------------------------------------
    def formatting_method(self, method: Any) -> Any:
        """The guarded stand-in of a formatting method, or None if ``method`` is not one.

        Decided by what the method *is*, however it was reached (``s.format``, ``str.format``, a
        subclass, ``super(S, s).format``, a typing alias forwarding to ``str``, ``UserString``...):
        the bound or unbound ``str.format``/``str.format_map``, and ``UserString.format``/``format_map``
        (which call ``self.data.format`` past the guards).
        """
        t = type(method)
        if t is types.BuiltinMethodType:
            target = method.__self__
            if isinstance(target, str) and method.__name__ in ("format", "format_map"):
                return self._bound_format(target, method.__name__)
            return None
        if t is types.MethodType:
            fn = method.__func__
            if fn is _US_FORMAT or fn is _US_FORMAT_MAP:
                return self._bound_user_string(method.__self__, fn.__name__)
            return None
        if method is _STR_FORMAT or method is _STR_FORMAT_MAP:
            name = method.__name__

            def unbound_str(self_: Any = _MISSING, /, *args: Any, **kwargs: Any) -> Any:
                if self_ is _MISSING:
                    raise TypeError(f"unbound method str.{name}() needs an argument")
                if not isinstance(self_, str):
                    raise TypeError(f"descriptor '{name}' for 'str' objects doesn't apply to a "
                                    f"'{type(self_).__name__}' object")
                return self._bound_format(self_, name)(*args, **kwargs)

            unbound_str.__name__ = unbound_str.__qualname__ = name
            return unbound_str
        if method is _US_FORMAT or method is _US_FORMAT_MAP:
            name = method.__name__

            def unbound_us(self_: Any = _MISSING, /, *args: Any, **kwargs: Any) -> Any:
                if not isinstance(self_, collections.UserString):
                    raise TypeError(f"UserString.{name}() needs a UserString instance as its first argument")
                return self._bound_user_string(self_, name)(*args, **kwargs)

            unbound_us.__name__ = unbound_us.__qualname__ = name
            return unbound_us
        return None

    def _bound_format(self, template: str, name: str) -> Any:
        render = self.safe_format
        if name == "format":
            def format(*args: Any, **kwargs: Any) -> str:  # noqa: A001 - the method's name
                return render(template, args, kwargs)
            return format

        def format_map(*mapping: Any) -> str:
            if len(mapping) != 1:
                raise TypeError(f"str.format_map() takes exactly one argument ({len(mapping)} given)")
            return render(template, None, mapping[0])
        return format_map

    def _bound_user_string(self, us: Any, name: str) -> Any:
        """``UserString.format``: ``self.data.format(...)``, the lookup of ``format`` through the guards."""
        data = self.ga(us, "data")
        return self.gs(data, name)

    def safe_format(self, template: str, args: tuple[Any, ...] | None, kwargs: Any) -> str:
        """``str.format`` (``args`` a tuple) or ``str.format_map`` (``args`` None, ``kwargs`` the mapping),
        as CPython's ``Objects/stringlib/unicode_format.h`` does it, except that every ``.attr`` in a
        field goes through the guards. One numbering (``{}``) is shared with nested fields of the
        format spec (``'{:{}}'.format(3, 5)``); at most two levels of nesting."""
        auto = [0, 0]  # [state: 0 none, 1 automatic, 2 manual; next automatic index]
        return self._render(template, args, kwargs, 2, auto)

    def _render(self, template: str, args: tuple[Any, ...] | None, kwargs: Any, depth: int, auto: list[int]) -> str:
        if depth <= 0:
            raise ValueError("Max string recursion exceeded")
        getattr_ = self.getattr
        out: list[str] = []
        for literal, field, spec, conv in _string.formatter_parser(template):
            if literal:
                out.append(literal)
            if field is None:
                continue
            first, rest = _string.formatter_field_name_split(field)
            empty = first == ""
            if empty or type(first) is int:
                if auto[0] == 0:
                    auto[0] = 1 if empty else 2
                if auto[0] == 2 and empty:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                if auto[0] == 1 and not empty:
                    raise ValueError("cannot switch from automatic field numbering to manual field specification")
                if empty:
                    first = auto[1]
                    auto[1] += 1
                if args is None:
                    raise ValueError("Format string contains positional fields")
                if first >= len(args):
                    raise IndexError(f"Replacement index {first} out of range for positional args tuple")
                obj = args[first]
            else:
                obj = kwargs[first]
            for is_attr, key in rest:
                obj = getattr_(obj, key) if is_attr else obj[key]
            if conv is not None:
                if conv == "r":
                    obj = repr(obj)
                elif conv == "s":
                    obj = str(obj)
                elif conv == "a":
                    obj = ascii(obj)
                elif 32 < ord(conv) < 127:
                    raise ValueError(f"Unknown conversion specifier {conv}")
                else:
                    raise ValueError(f"Unknown conversion specifier \\x{ord(conv):x}")
            if spec and "{" in spec:
                spec = self._render(spec, args, kwargs, depth - 1, auto)
            self.size_checks.spec(spec)
            out.append(format(obj, spec))
        return "".join(out)


_STR_FORMAT = str.format
# Objects of these types may be re-initialised (``d.__init__(...)``): a program holds only its own
# raw containers (shared ones are read-only views), and may change them anyway.
_REINIT_OK = frozenset({dict, list, set, bytearray, collections.deque, collections.OrderedDict,
                        collections.defaultdict, collections.Counter})
_STR_FORMAT_MAP = str.format_map
_US_FORMAT = collections.UserString.format
_US_FORMAT_MAP = collections.UserString.format_map
_ABC_REGISTER = abc.ABCMeta.register


def _alias_types() -> frozenset[type]:
    """Typing aliases forward attribute reads to their origin (``typing.List.append`` is
    ``list.append``, ``Annotated[str, 0].format`` is ``str.format``)."""
    found: set[type] = {types.GenericAlias}
    todo = [typing._BaseGenericAlias]  # type: ignore[attr-defined]
    while todo:
        c = todo.pop()
        if c not in found:
            found.add(c)
            todo.extend(c.__subclasses__())
    return frozenset(found)


_ALIAS_TYPES = _alias_types()


def alias_origin(obj: Any, name: str) -> Any:
    """The object a typing alias forwards ``obj.name`` to, or None if the alias answers itself.
    The guards then decide ``obj.name`` as ``origin.name``: an alias is not a second path to it."""
    if type(obj) is types.GenericAlias:  # everything but its own few dunders, which the guest cannot read
        return None if name == "__class__" else obj.__origin__
    try:
        object.__getattribute__(obj, name)
        return None
    except AttributeError:
        pass
    if name.startswith("__") and name.endswith("__"):  # typing relays no dunder
        return None
    return object.__getattribute__(obj, "__dict__").get("__origin__")


# The guards of the run executing in this thread (set by the runtime around each run).
current: contextvars.ContextVar[Guards] = contextvars.ContextVar("sandboxes_python_guards")


def no_traceback(value: Any) -> Any:
    """An argument of the program's ``__exit__``: a traceback (the with statement passes the raw
    one, host frames behind it) is None there."""
    return None if type(value) is types.TracebackType else value


def no_tracebacks(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """``no_traceback`` for the ``*args`` of the program's ``__exit__``."""
    return tuple(None if type(v) is types.TracebackType else v for v in values)


def safe_type(obj: Any) -> Any:
    """type(obj), except that a metaclass is never handed out (it would build classes from any
    namespace), ``range`` is the program's own (see ``SafeRange``) and the interpreter's own types
    are stand-ins that cannot be called (see ``_InternalTypeMeta``)."""
    t = type(obj)
    if issubclass(t, type):
        return SafeType
    if t is range or t is BigRange:
        return SafeRange
    sized = _SIZED_OF.get(t)
    if sized is not None:
        return sized
    return _INTERNAL_STAND_INS.get(t, t)


class _InternalTypeMeta(type):
    """A stand-in for a type of the interpreter's own (``function``, ``method``, ``generator``,
    ``code``, ``module``...): it answers ``isinstance``/``issubclass``/``==``/``repr``/``__name__``
    as the type does, but is never a constructor. ``type(C().m)(f, obj)`` would bind any function
    to any object, a method whose ``__reduce__`` copy turns into a read of ``obj.<f.__name__>``;
    ``type(f)(code, globals)`` builds functions, ``type(tb)(...)`` tracebacks, ``type(sys)(...)``
    modules."""

    _sb_types: tuple[type, ...]

    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, cls._sb_types)

    def __subclasscheck__(cls, sub: Any) -> bool:
        return sub is cls or isinstance(sub, type) and issubclass(sub, cls._sb_types)

    def __call__(cls, *args: Any, **kw: Any) -> Any:
        raise TypeError(f"cannot create '{cls.__name__}' instances in the sandbox")

    def __eq__(cls, other: Any) -> bool:
        return other is cls or any(other is t for t in cls._sb_types)

    def __hash__(cls) -> int:
        return hash(cls._sb_types[0])

    def __repr__(cls) -> str:
        return f"<class '{cls.__name__}'>"

    def __getattr__(cls, name: str) -> Any:
        # The type's public methods (``type(g).send``...): its dunders stay out (``__new__``, ``__call__``).
        if name.startswith("_"):
            raise AttributeError(f"type object '{cls.__name__}' has no attribute '{name}'")
        return getattr(cls._sb_types[0], name)


def _internal_stand_in(*types_: type, name: str | None = None) -> type:
    real = types_[0]
    label = name or real.__name__

    def refuse_subclass(sub: Any, **kw: Any) -> None:
        raise TypeError(f"type '{label}' is not an acceptable base type")

    ns = {"__slots__": (), "__module__": "builtins", "__doc__": real.__doc__, "_sb_types": types_,
          "__init_subclass__": classmethod(refuse_subclass)}
    cls = _InternalTypeMeta(label, (), ns)
    cls.__qualname__ = label
    return cls


# The interpreter's types a program must not call: each maps to its stand-in (one per type, so
# ``type(f) is type(g)`` holds). Module facades are modules to the program.
_INTERNAL_STAND_INS: dict[type, type] = {}
for _group in ((types.FunctionType,), (types.MethodType,), (types.CodeType,), (types.CellType,),
               (types.GeneratorType,), (types.CoroutineType,), (types.AsyncGeneratorType,),
               (types.TracebackType,), (types.FrameType,), (types.MappingProxyType,),
               (types.BuiltinFunctionType,), (types.WrapperDescriptorType,), (types.MethodWrapperType,),
               (types.MethodDescriptorType,), (types.ClassMethodDescriptorType,), (types.GetSetDescriptorType,),
               (types.MemberDescriptorType,), (types.ModuleType, Facade)):
    _stand_in = _internal_stand_in(*_group)
    for _t in _group:
        _INTERNAL_STAND_INS[_t] = _stand_in
del _group, _stand_in, _t
INTERNAL_TYPES = frozenset(_INTERNAL_STAND_INS)


BIG_RANGE = 1 << 22  # longer ranges iterate in chunks with deadline checks, even inside C consumers


class _SafeRangeMeta(type):
    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, (range, BigRange))

    def __subclasscheck__(cls, sub: Any) -> bool:
        return isinstance(sub, type) and issubclass(sub, (range, BigRange))

    def __call__(cls, *args: Any, **kw: Any) -> Any:
        if kw:
            raise TypeError("range() takes no keyword arguments")
        r = range(*args)
        try:
            small = len(r) <= BIG_RANGE
        except OverflowError:
            small = False
        return r if small else BigRange(r)

    def __repr__(cls) -> str:
        return "<class 'range'>"


class SafeRange(metaclass=_SafeRangeMeta):
    """The program's ``range``: short ranges are real ``range`` objects; long ones are ``BigRange``,
    whose iteration checks the deadline, so C code consuming them (``deque(range(10**11), 0)``,
    ``functools.reduce``, ``x in map(f, range(...))``) cannot outlive the run."""

    __slots__ = ()

    def __init_subclass__(cls, **kw: Any) -> None:
        raise TypeError("type 'range' is not an acceptable base type")


SafeRange.__name__ = SafeRange.__qualname__ = "range"
SafeRange.__module__ = "builtins"  # CPython's messages name it range(), as the builtin


def _byte_count(state: RunState, what: str, args: tuple[Any, ...], kw: dict[str, Any]) -> tuple[Any, ...]:
    """``bytes(n)``/``bytearray(n)``: a count (an int, or an object with ``__index__``, converted once
    as C would) checked before C allocates and zero-fills it (red team F7). The count is bytes, so the
    bound is the run's memory limit (``memory_limit`` when n alone exceeds it); only a run with no
    memory limit falls back to ``max_sequence_items``."""
    if len(args) != 1 or kw:
        return args
    x = args[0]
    t = type(x)
    if t is not int and (t is bool or not hasattr(t, "__index__") or hasattr(t, "__bytes__")
                         or isinstance(x, (str, bytes, bytearray, memoryview))):
        return args
    n = operator.index(x)
    if n > (state.memory_cap if state.memory_cap is not None else state.max_items):
        raise state.too_large(f"{what}({n})", n, "max_sequence_items", state.max_items)
    return (n,)


class _SizedBytesMeta(type):
    """The metaclass of the program's ``bytes`` and ``bytearray``: stand-ins that subclass the real
    types, answer ``isinstance``/``issubclass`` as they do and check a count before the real type
    allocates. What they make are the real types' objects (``type(bytes(1)) is bytes`` holds: the
    program's ``type()`` answers with the stand-in); a subclass of the program's is checked too."""

    _sb_real: type

    def __instancecheck__(cls, obj: Any) -> bool:
        if cls in _SIZED_STAND_INS:
            return isinstance(obj, cls._sb_real)
        return super().__instancecheck__(obj)

    def __subclasscheck__(cls, sub: Any) -> bool:
        if cls in _SIZED_STAND_INS:
            return isinstance(sub, type) and issubclass(sub, cls._sb_real)
        return super().__subclasscheck__(sub)

    def __call__(cls, *args: Any, **kw: Any) -> Any:
        guards = current.get(None)
        real = cls._sb_real
        if guards is not None:
            args = _byte_count(guards.state, real.__name__, args, kw)
        if cls in _SIZED_STAND_INS:
            return real(*args, **kw)
        return super().__call__(*args, **kw)

    def __repr__(cls) -> str:
        if cls in _SIZED_STAND_INS:
            return f"<class '{cls._sb_real.__name__}'>"
        return super().__repr__()


def _sized_stand_in(real: type) -> type:
    cls = _SizedBytesMeta(real.__name__, (real,), {"__slots__": (), "__module__": "builtins",
                                                    "__doc__": real.__doc__, "_sb_real": real})
    cls.__qualname__ = real.__name__
    return cls


_BYTES_NEW, _BYTEARRAY_INIT = bytes.__dict__["__new__"], bytearray.__dict__["__init__"]
SafeBytes, SafeByteArray = _sized_stand_in(bytes), _sized_stand_in(bytearray)
_SIZED_STAND_INS = (SafeBytes, SafeByteArray)
_SIZED_OF = {bytes: SafeBytes, bytearray: SafeByteArray}


class BigRange:
    """A long range: the same answers as ``range`` (O(1) length, indexing, membership), chunked iteration."""

    __slots__ = ("_sb_r",)

    def __init__(self, r: range) -> None:
        object.__setattr__(self, "_sb_r", r)

    def _iter(self, it: Any) -> Any:
        guards = current.get(None)
        if guards is None:
            raise TypeError("a long range can only be iterated while its program runs")
        return make_iterate(guards.state)(it)

    def __iter__(self) -> Any:
        return iter(self._iter(iter(self._sb_r)))

    def __reversed__(self) -> Any:
        return iter(self._iter(reversed(self._sb_r)))

    def __len__(self) -> int:
        return len(self._sb_r)

    def __getitem__(self, i: Any) -> Any:
        v = self._sb_r[i]
        return SafeRange(v.start, v.stop, v.step) if isinstance(v, range) else v

    # The raw range never meets an object of the program's: ``raw == other`` would hand it to the other
    # operand's reflected ``__eq__`` (F10), and a search for anything but an int is a linear C scan.
    def __contains__(self, x: Any) -> bool:
        if type(x) is int or type(x) is bool:
            return x in self._sb_r
        return any(v is x or v == x for v in self)

    def __eq__(self, other: Any) -> Any:
        if isinstance(other, BigRange):
            return self._sb_r == other._sb_r
        if type(other) is range:
            return self._sb_r == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._sb_r)

    def __bool__(self) -> bool:
        return bool(self._sb_r)

    def __repr__(self) -> str:
        return repr(self._sb_r)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("'range' object attributes are read-only")

    def index(self, x: Any) -> int:
        if type(x) is int or type(x) is bool:
            return self._sb_r.index(x)
        for i, v in enumerate(self):
            if v is x or v == x:
                return i
        raise ValueError("sequence.index(x): x not in sequence")

    def count(self, x: Any) -> int:
        if type(x) is int or type(x) is bool:
            return self._sb_r.count(x)
        return sum(1 for v in self if v is x or v == x)

    @property
    def start(self) -> int:
        return self._sb_r.start

    @property
    def stop(self) -> int:
        return self._sb_r.stop

    @property
    def step(self) -> int:
        return self._sb_r.step


class _SafeTypeMeta(type):
    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, type)

    def __subclasscheck__(cls, sub: Any) -> bool:
        return issubclass(sub, type)

    def __call__(cls, *args: Any, **kw: Any) -> Any:
        if len(args) == 1 and not kw:
            return safe_type(args[0])
        if len(args) == 3:
            guards = current.get(None)
            if guards is None:
                raise TypeError("type() with three arguments is only available while a program runs")
            return guards.new_class(*args, **kw)
        raise TypeError("type() takes 1 or 3 arguments")

    def __repr__(cls) -> str:
        return "<class 'type'>"


class SafeType(metaclass=_SafeTypeMeta):
    """The program's ``type``: ``isinstance(C, type)`` holds for every class; metaclasses stay out of reach."""

    __slots__ = ()

    def __init_subclass__(cls, **kw: Any) -> None:
        raise TypeError("type cannot be subclassed in the sandbox (metaclasses are not allowed)")


SafeType.__name__ = SafeType.__qualname__ = "type"
SafeType.__module__ = "builtins"


_MISSING: Any = object()

# Metaclasses a class of the program may have. Each is library code that builds the class from the
# namespace the class-body rules already checked. Not ``enum.EnumType`` itself (its functional API
# builds a class from any mapping): the sandbox's enums have a subclass of their own
# (``safe_stdlib._SafeEnumType``, added there); not metaclasses of the program (refused).
ALLOWED_METACLASSES: set[Any] = {type, abc.ABCMeta, typing._ProtocolMeta, typing.NamedTupleMeta,
                                 typing._TypedDictMeta}
if hasattr(typing, "_AnyMeta"):
    ALLOWED_METACLASSES.add(typing._AnyMeta)
ALLOWED_METACLASSES.add(_SizedBytesMeta)
# Non-class bases that may stand for other bases (PEP 560 ``__mro_entries__``): typing's aliases
# (``_ALIAS_TYPES``) and these two functions.
_ALIAS_FUNCTIONS: tuple[Any, ...] = tuple(f for f in (typing.NamedTuple, typing.TypedDict) if callable(f))
# ids of library classes the program can name (builtins, facade members) and their MROs: vetted code.
# Filled by the module facades and the runtime as they hand classes out.
HOST_CLASSES: set[int] = set()
# Hooks the class machinery runs with the program's data, which the class-body rules refuse to define.
_CLASS_HOOKS = frozenset({"__init_subclass__", "__class_getitem__", "__set_name__", "__mro_entries__",
                          "__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__get__", "__set__",
                          "__delete__", "__del__", "__instancecheck__", "__subclasscheck__", "__prepare__",
                          "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__copy__",
                          "__deepcopy__"})


def note_host_classes(values: Iterable[Any]) -> None:
    """Record the classes among ``values`` (and their MROs) as library classes the program may subclass."""
    for v in values:
        if isinstance(v, type):
            for c in v.__mro__:
                HOST_CLASSES.add(id(c))


def _describe(obj: Any) -> str:
    name = getattr(obj, "__qualname__", None)
    return repr(name) if isinstance(name, str) and len(name) < 80 else f"of type {type(obj).__name__!r}"


def _smuggled_hook(cls: type) -> str | None:
    """A class-machinery hook in a class that neither the program (class-body rules) nor vetted library
    code defined: one whose value is the program's function, or a builtin put there as one."""
    for key, value in cls.__dict__.items():
        if key in _CLASS_HOOKS:
            fn = value.__func__ if isinstance(value, (classmethod, staticmethod)) else value
            if isinstance(fn, types.BuiltinFunctionType) or \
                    isinstance(fn, types.FunctionType) and fn.__code__.co_filename == GUEST_FILENAME:
                return f"{key} hook"
    return None


def _check_set_name(what: str, ns: Any, state: RunState) -> None:
    """``type.__new__`` calls ``__set_name__`` of every namespace value whose type has one: library
    descriptors only (the program cannot define the hook; a type whose hook came from elsewhere
    is refused)."""
    for key, value in list(ns.items()):
        t = type(value)
        if getattr(t, "__set_name__", None) is None:
            continue
        owner = next((c for c in t.__mro__ if "__set_name__" in c.__dict__), None)
        if owner is None or owner in _SET_NAME_TYPES or id(owner) in state.guest_classes \
                or id(owner) in HOST_CLASSES and not _smuggled_hook(owner):
            continue
        raise state.record_violation("class", f"{what}: {key!r} is a {t.__name__!r}, whose __set_name__ "
                                              "the class machinery would run")


class EarlyMark:
    """The first entry of every class statement's namespace (``_sb_mark = _sb_cmark``): ``type()`` calls
    its ``__set_name__`` with the new class before any other entry's, so the class is the program's own
    while its metaclass still builds it. An Enum's members are made then (their ``__set_name__``) and
    run the class's ``__init__`` (``self.mass = mass``, the Planet example of the enum docs), which the
    class decorator's mark (``register_class``) came too late for. It removes itself at once. A
    descriptor (``__get__``), so that an Enum does not take it for a member. One per run: ``own`` is
    the run's registry of the program's classes; only a class of ``__main__`` is marked, as the
    decorator marks it."""

    __slots__ = ("_own",)

    def __init__(self, own: dict[int, type]) -> None:
        self._own = own

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        return self

    def __set_name__(self, owner: Any, name: str) -> None:
        if name == CLASS_MARK_NAME and isinstance(owner, type) and owner.__dict__.get("__module__") == "__main__":
            self._own[id(owner)] = owner
        with contextlib.suppress(AttributeError, TypeError):
            type.__delattr__(owner, name)


_SET_NAME_TYPES = {functools.cached_property, dataclasses.Field, EarlyMark}
note_host_classes([typing._NamedTuple, typing._TypedDict, *_SET_NAME_TYPES])  # type: ignore[attr-defined]


def _guest_view(mro: Iterable[type]) -> tuple[type, ...]:
    """An MRO as the program may see it: a library class that the sandbox replaces by a stand-in
    of its own (``GUEST_VIEW``: the real ``enum.Enum`` -> the sandbox's ``Enum``) shows as the
    stand-in, never as itself, once, where CPython shows the original (a stand-in subclasses its
    original, so the later place)."""
    mapped = [GUEST_VIEW.get(c, c) for c in mro]
    return tuple(c for i, c in enumerate(mapped) if not any(d is c for d in mapped[i + 1:]))


# Library class -> the sandbox's stand-in (filled by safe_stdlib): never handed out through an MRO.
GUEST_VIEW: dict[type, type] = {}
GUEST_VIEW.update({bytes: SafeBytes, bytearray: SafeByteArray})  # an MRO shows the stand-in, once


class _Metaclass:
    """Stands for the winning metaclass during ``__build_class__``: the interpreter calls it with the
    namespace the class body filled, which is checked before the real metaclass gets it."""

    __slots__ = ("meta", "state", "what")

    def __init__(self, meta: Any, state: RunState, what: str) -> None:
        self.meta, self.state, self.what = meta, state, what

    def __prepare__(self, name: Any, bases: Any, /, **kw: Any) -> Any:  # noqa: PLW3201 - the protocol's name
        return self.meta.__prepare__(name, bases, **kw)

    def __call__(self, name: Any, bases: Any, ns: Any, /, **kw: Any) -> Any:
        _check_set_name(self.what, ns, self.state)
        hook = ns.get("__init_subclass__") if isinstance(ns, dict) else None
        if hook is not None:
            ns["__init_subclass__"] = _adopting_init_subclass(hook, self.state)
        hook = ns.get("__set_name__") if isinstance(ns, dict) else None
        if hook is not None:
            ns["__set_name__"] = _adopting_set_name(hook, self.state)
        return self.meta(name, bases, ns, **kw)


def _adopting_set_name(hook: Any, state: RunState) -> Any:
    """The program's ``__set_name__(self, owner, name)``, called by ``type.__new__`` with the class it
    is making, which holds ``self`` (the program's object) under ``name``: the owner becomes the
    program's own first (``owner.fields = ...`` as in CPython). A class holding the program's object
    in its own namespace was made in this run from the program's material (library classes cannot
    be written)."""
    if not (type(hook) is types.FunctionType and hook.__code__.co_filename == GUEST_FILENAME):
        return hook
    own = state.guest_classes

    def __set_name__(self: Any, owner: Any, name: Any) -> Any:  # noqa: N807 - the hook's name
        if isinstance(owner, type) and id(owner) not in own and id(type(self)) in own \
                and type(owner) in ALLOWED_METACLASSES and not issubclass(owner, type) \
                and type(name) is str and owner.__dict__.get(name) is self \
                and owner.__dict__.get("__module__") == "__main__":
            own[id(owner)] = owner
        return hook(self, owner, name)

    __set_name__.__qualname__ = hook.__qualname__
    __set_name__.__doc__ = hook.__doc__
    return __set_name__


def _adopting_init_subclass(hook: Any, state: RunState) -> Any:
    """The program's ``__init_subclass__``, called by ``type.__new__`` with the subclass it is making
    (before the class statement registers it): the class becomes the program's own first, so the hook
    may set its attributes as in CPython. Only a class that has a class of the program's in its MRO
    and an allowed metaclass: such a class was made in this run, from the program's material."""
    fn = hook.__func__ if isinstance(hook, classmethod) else hook
    if not (type(fn) is types.FunctionType and fn.__code__.co_filename == GUEST_FILENAME):
        return hook
    own = state.guest_classes

    def __init_subclass__(cls: Any, /, **kw: Any) -> Any:  # noqa: N807 - the hook's name
        if isinstance(cls, type) and id(cls) not in own and type(cls) in ALLOWED_METACLASSES \
                and not issubclass(cls, type) and cls.__dict__.get("__module__") == "__main__" \
                and any(id(c) in own for c in cls.__mro__[1:]):
            own[id(cls)] = cls
        return fn(cls, **kw)

    __init_subclass__.__qualname__ = fn.__qualname__
    __init_subclass__.__doc__ = fn.__doc__
    return classmethod(__init_subclass__)
_FunctionType = types.FunctionType
_LRU_WRAPPER = type(functools.lru_cache(None)(lambda: None))
_MappingProxy = types.MappingProxyType
_MATCH_SELF = 1 << 22  # _Py_TPFLAGS_MATCH_SELF: int(x) matches the subject itself
_TP_SEQUENCE, _TP_MAPPING = 1 << 5, 1 << 6  # Py_TPFLAGS_SEQUENCE / MAPPING: what MATCH_SEQUENCE / MAPPING test


def _reached(thunk: Any) -> Any:
    """A class, value or key of a pattern, evaluated where the interpreter would evaluate it: a lambda
    (or, in a class-like scope, whose names a lambda would not see, the value in a 1-tuple)."""
    return thunk[0] if type(thunk) is tuple else thunk()


def _match_pattern(subject: Any, spec: Any, binds: dict[str, Any], get: Any) -> bool:
    """Match ``subject`` against a pattern spec as CPython 3.11's compiled pattern does (the order of
    checks, reads and calls included); captures go to ``binds``. ``get`` is the guarded getattr."""
    if spec is None:
        return True
    kind = spec[0]
    if kind == P_AS:
        if spec[1] is not None and not _match_pattern(subject, spec[1], binds, get):
            return False
        if spec[2] is not None:
            binds[spec[2]] = subject
        return True
    if kind == P_VALUE:
        return bool(subject == _reached(spec[1]))
    if kind == P_SINGLETON:
        return subject is spec[1]
    if kind == P_OR:
        for alternative in spec[1]:
            trial: dict[str, Any] = {}
            if _match_pattern(subject, alternative, trial, get):
                binds.update(trial)
                return True
        return False
    if kind == P_SEQUENCE:
        return _match_sequence(subject, spec[1], binds, get)
    if kind == P_MAPPING:
        return _match_mapping(subject, spec, binds, get)
    return _match_class(subject, spec, binds, get)


def _is_star(spec: Any) -> bool:
    return spec is not None and spec[0] == P_STAR


def _match_sequence(subject: Any, subs: tuple[Any, ...], binds: dict[str, Any], get: Any) -> bool:
    if not type(subject).__flags__ & _TP_SEQUENCE:
        return False
    size = len(subs)
    star = next((i for i, p in enumerate(subs) if _is_star(p)), -1)
    if star < 0:
        if len(subject) != size:
            return False
    elif size > 1 and len(subject) < size - 1:
        return False
    if all(p is None or _is_star(p) and p[1] is None for p in subs):
        return True  # [] / [_, _] / [_, *_]: nothing read
    if star >= 0 and subs[star][1] is None:  # [a, *_, b]: subscripts, from the end after the star
        for i, p in enumerate(subs):
            if p is None or i == star:
                continue
            item = subject[i] if i < star else subject[len(subject) - (size - i)]
            if not _match_pattern(item, p, binds, get):
                return False
        return True
    items = _unpack(subject, size, star)
    for item, p in zip(items, subs):
        if _is_star(p):
            binds[p[1]] = item
        elif not _match_pattern(item, p, binds, get):
            return False
    return True


def _unpack(subject: Any, size: int, star: int) -> list[Any]:
    """UNPACK_SEQUENCE / UNPACK_EX: the items, the star's as a list."""
    if star < 0:
        values = list(itertools.islice(subject, size + 1))
        if len(values) > size:
            raise ValueError(f"too many values to unpack (expected {size})")
        if len(values) < size:
            raise ValueError(f"not enough values to unpack (expected {size}, got {len(values)})")
        return values
    values = list(iter(subject))  # an iterator: no length hint asked of the subject, as UNPACK_EX
    if len(values) < size - 1:
        raise ValueError(f"not enough values to unpack (expected at least {size - 1}, got {len(values)})")
    end = len(values) - (size - 1 - star)
    return [*values[:star], values[star:end], *values[end:]]


def _match_mapping(subject: Any, spec: Any, binds: dict[str, Any], get: Any) -> bool:
    _, key_thunks, subs, rest = spec
    if not type(subject).__flags__ & _TP_MAPPING:
        return False
    if not key_thunks and rest is None:
        return True
    if key_thunks and len(subject) < len(key_thunks):
        return False
    keys = [_reached(k) for k in key_thunks]
    values = []
    if keys:
        seen: set[Any] = set()
        lookup = get(subject, "get")
        missing = object()
        for key in keys:
            if key in seen:
                raise ValueError(f"mapping pattern checks duplicate key ({key!r})")
            seen.add(key)
            value = lookup(key, missing)
            if value is missing:
                return False
            values.append(value)
    for value, p in zip(values, subs):
        if not _match_pattern(value, p, binds, get):
            return False
    if rest is not None:
        left = dict(subject)
        for key in keys:
            del left[key]
        binds[rest] = left
    return True


def _match_class(subject: Any, spec: Any, binds: dict[str, Any], get: Any) -> bool:
    """MATCH_CLASS, every name read once through ``get`` (``subject.name``'s rules)."""
    _, cls_thunk, pos, kwnames, kwsubs = spec
    cls = _reached(cls_thunk)
    if not isinstance(cls, type):
        raise TypeError("called match pattern must be a type")
    if not isinstance(subject, cls):
        return False
    values: list[Any] = []
    seen: set[str] = set()

    def read(name: str) -> bool:
        if name in seen:
            raise TypeError(f"{cls.__name__}() got multiple sub-patterns for attribute {name!r}")
        seen.add(name)
        try:
            values.append(get(subject, name))
        except AttributeError:
            return False
        return True

    if pos:
        match_args = getattr(cls, "__match_args__", _MISSING)  # as the interpreter: from the class
        if match_args is _MISSING:
            allowed = 1 if cls.__flags__ & _MATCH_SELF else 0
        elif type(match_args) is not tuple:
            raise TypeError(f"{cls.__name__}.__match_args__ must be a tuple (got {type(match_args).__name__})")
        else:
            allowed = len(match_args)
        if allowed < len(pos):
            raise TypeError(f"{cls.__name__}() accepts {allowed} positional sub-pattern{'' if allowed == 1 else 's'}"
                            f" ({len(pos)} given)")
        if match_args is _MISSING:
            values.append(subject)  # int(x), str(s)...: the subject itself
        else:
            for name in match_args[:len(pos)]:
                if type(name) is not str:
                    raise TypeError(f"__match_args__ elements must be strings (got {type(name).__name__})")
                if not read(name):
                    return False
    for name in kwnames:
        if not read(name):
            return False
    for value, p in zip(values, (*pos, *kwsubs)):
        if not _match_pattern(value, p, binds, get):
            return False
    return True


class _GuardedRead:
    """``_sb_mv(a)`` of a value pattern ``case a.b``: the interpreter's ``.b`` goes through ``getattr``'s guard."""

    __slots__ = ("_sb_obj", "_sb_get")

    def __init__(self, obj: Any, get: Any) -> None:
        self._sb_obj, self._sb_get = obj, get

    def __getattr__(self, name: str) -> Any:
        return self._sb_get(self._sb_obj, name)
_build_class = __builtins__["__build_class__"] if isinstance(__builtins__, dict) else __builtins__.__build_class__
_NAMEDTUPLE_API = frozenset({"_asdict", "_replace", "_fields", "_make", "_field_defaults"})
CLASS_MARK_NAME = "_sb_mark"  # the first statement of every class body (transformer.visit_ClassDef)
_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})
# Methods that grow their receiver from an iterable in one C loop, and what they take as it is (red team F15).
_STR_JOIN = str.join
_LIST_TUPLE = frozenset({list, tuple})
_partial = functools.partial
_FED_METHODS = frozenset({"extend", "extendleft"})  # and __iadd__, a dunder (check_value)
_FED_TYPES = (list, collections.deque, bytearray)
_FED_AS_IS = frozenset({list, tuple, str, bytes, bytearray, dict, set, frozenset, range, collections.deque,
                        memoryview, array.array})


def _class_attr_problem(key: str) -> str | None:
    """The class-body rules, for namespaces built at run time (type(), ...)."""
    if key.startswith(RESERVED_PREFIX) or key in RESERVED_NAMES:
        return f"'{key}' is a reserved name"
    if key.startswith("__") and key not in ALLOWED_DUNDER_DEFS and key not in ALLOWED_DUNDER_CLASS_ATTRS \
            and key not in ("__qualname__", "__doc__"):
        return f"'{key}' may not be defined on a class"
    return None


def _attr_name_problem(name: str) -> str | None:
    if name.startswith("_sb_"):
        return f"attribute '{name}' is reserved"
    if name in INSPECT_ATTRIBUTES:
        return f"'{name}' is a restricted attribute"
    return None


# ------------------------------------------------------------------ size guards

def int_too_large(state: RunState, bits: int) -> SandboxStop:
    """The verdict on an integer result of ``bits`` bits over the policy's ``max_int_digits``."""
    limit = round((state.max_int_bits - 1) / _BITS_PER_DIGIT)
    return state.too_large(f"an integer result of about {int(bits / _BITS_PER_DIGIT)} digits", bits // 8,
                           "max_int_digits", limit)


_BITS_PER_DIGIT = 3.3219280948873626


# What ``seq * n`` repeats (sq_repeat): decided by what the object is, library wrappers included
# (UserList/UserString repeat in their own, unguarded, code).
REPEATABLE = (str, bytes, bytearray, list, tuple, array.array, collections.deque, collections.UserList,
              collections.UserString)
_TEXT = (str, bytes, bytearray, collections.UserString, array.array)


_LEN_BASES = (str, bytes, bytearray, list, tuple, array.array, collections.deque)


def _real_len(seq: Any, depth: int = 0) -> int:
    """What C repeats: the length of the builtin storage (a subclass's own ``__len__`` may say anything);
    UserList/UserString repeat their ``data``."""
    for base in _LEN_BASES:
        if isinstance(seq, base):
            return base.__len__(seq)  # type: ignore[no-any-return]
    if depth < 8 and isinstance(seq, (collections.UserList, collections.UserString)):
        return _real_len(seq.data, depth + 1)
    return len(seq)


# -- one C call, a result much larger than its inputs (red team rounds 5-6) -----------------------
# str.replace/bytes.replace/bytearray.replace, str.translate, expandtabs, re's sub/subn: CPython sizes
# (or grows) the result and fills it in one C call with no tick, so the memory samples see it only
# afterwards. Each guard computes a lower bound of the result's bytes first (exactly where it can) and
# charges it to the run's memory (RunState.charge); cheap upper bounds skip the count in the common case.

_NOT_LATIN1 = re.compile("[^\x00-\xff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _width(s: str) -> int:
    """Bytes per character of ``s`` as CPython stores it (1, 2 or 4); ``str``'s own data, not a subclass's."""
    if str.isascii(s):
        return 1
    if _ASTRAL.search(s) is not None:
        return 4
    return 2 if _NOT_LATIN1.search(s) is not None else 1


def _text_of(obj: Any) -> Any:
    """The text a str/bytes/bytearray method works on; for a UserString its ``data`` as stored (or None)."""
    if isinstance(obj, (str, bytes, bytearray)):
        return obj
    if isinstance(obj, collections.UserString):
        try:
            data = object.__getattribute__(obj, "__dict__").get("data")
        except AttributeError:
            return None
        return data if isinstance(data, (str, bytes, bytearray)) else None
    return None


def _check_expandtabs(state: RunState, obj: Any, tabsize: int) -> None:
    """``s.expandtabs(n)``: every tab ends a column that is a multiple of ``n``, so a line of ``k`` tabs is
    at least ``k * n`` long and the result at least ``tabs * n`` (``('\t' * 100).expandtabs(10**7)``: 1 GB)."""
    s = _text_of(obj)
    if s is None or tabsize <= 1:
        return
    text = isinstance(s, str)
    n = str.__len__(s) if text else len(memoryview(s))
    if n * tabsize * (4 if text else 1) <= FREE_BYTES:
        return
    tabs = str.count(s, "\t") if text else (bytes.count if isinstance(s, bytes) else bytearray.count)(s, b"\t")
    if tabs:
        kind = "str" if text else type(s).__name__ if type(s) in (bytes, bytearray) else "bytes"
        state.charge(f"{kind}.expandtabs({tabsize}) of {tabs} tabs", tabs * tabsize * (_width(s) if text else 1))


def _replace_args(state: RunState, s: Any, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """``s.replace(old, new[, count])``: the result is ``len(s) + matches * (len(new) - len(old))`` long
    (an empty ``old`` matches ``len(s) + 1`` times), counted with ``count`` before it is made. The count
    is converted once (an ``__index__`` of the program's could answer twice)."""
    if len(args) < 2:
        return args
    old, new, rest = args[0], args[1], args[2:]
    count = -1
    if rest:
        count = operator.index(rest[0])
        rest = (count, *rest[1:])
    out = (old, new, *rest)
    if isinstance(s, str):
        if not (isinstance(old, str) and isinstance(new, str)):
            return out  # the method's own TypeError
        ls, lo, ln = str.__len__(s), str.__len__(old), str.__len__(new)
        per = 4
    else:
        try:
            ls, lo, ln = len(memoryview(s)), memoryview(old).nbytes, memoryview(new).nbytes
        except TypeError:
            return out
        per = 1
    if ln <= lo:
        return out  # the result is no longer than s
    most = ls + 1 if lo == 0 else ls // lo
    if 0 <= count < most:
        most = count
    if (ls + most * (ln - lo)) * per <= FREE_BYTES:
        return out
    if lo == 0:
        n = most
    elif per == 4:
        n = str.count(s, old)
    else:
        n = (bytes.count if isinstance(s, bytes) else bytearray.count)(s, old)
    if 0 <= count < n:
        n = count
    if n:
        chars = ls + n * (ln - lo)
        width = max(_width(s), _width(new)) if per == 4 else 1
        kind = "str" if per == 4 else "bytearray" if isinstance(s, bytearray) else "bytes"
        state.charge(f"{kind}.replace() of {n} matches", chars * width)
    return out


_LONG_TABLE = 64  # more multi-character values than this: the table is sized as translate looks it up


def _translate_args(state: RunState, s: Any, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """``s.translate(table)`` of a ``str``: a character mapped to a string of ``k`` characters becomes
    ``k`` characters. A dict, list or tuple is sized from its values (each multi-character value times
    the occurrences of its character); any other table (a mapping whose ``__getitem__`` is library code,
    a dict subclass, a ``defaultdict``...) is handed to translate inside ``_SizedTable``, which sums the
    values as translate looks them up and charges them as they grow."""
    if len(args) != 1 or not isinstance(s, str) or not str.__len__(s):
        return args
    table = args[0]
    t = type(table)
    if t is dict:
        pairs: Iterable[Any] = table.items()
    elif t is list or t is tuple:
        pairs = enumerate(table)
    else:
        return (_SizedTable(state, table),)
    long = [(k, v) for k, v in pairs if isinstance(v, str) and str.__len__(v) > 1]
    if not long:
        return args
    ls = str.__len__(s)
    if ls * max(str.__len__(v) for _, v in long) * 4 <= FREE_BYTES:
        return args
    if len(long) > _LONG_TABLE:
        return (_SizedTable(state, table),)
    size = 0
    for k, v in long:
        # a key translate's int lookup finds with no code of the program's: an int, or an int subclass
        # with int's own hash and equality (one of the program's otherwise runs, and ticks, on each lookup)
        if isinstance(k, int) and (type(k) in (int, bool) or type(k).__hash__ is int.__hash__
                                   and type(k).__eq__ is int.__eq__) and 0 <= k < 0x110000:
            c = str.count(s, chr(int.__int__(k)))
            if c:
                size += c * str.__len__(v) * _width(v)
    state.charge("str.translate()", size)
    return args


class _SizedTable:
    """A translate table as ``str.translate`` sees it: the lengths of the values it looks up are summed
    and charged to the run's memory as the result grows (translate calls ``table[ord(c)]`` once per
    character it cannot take from its cache of single characters)."""

    __slots__ = ("table", "state", "chars", "due")

    def __init__(self, state: RunState, table: Any) -> None:
        self.table, self.state, self.chars, self.due = table, state, 0, FREE_BYTES

    def __getitem__(self, key: Any) -> Any:
        value = self.table[key]
        if isinstance(value, str):
            self.chars += str.__len__(value)
            if self.chars > self.due:
                self.state.charge("str.translate()", self.chars)
                self.due = self.chars + FREE_BYTES
        return value


def _sub_args(state: RunState, name: str, pattern: Any, repl: Any, string: Any, count: Any) -> tuple[Any, Any]:
    """``pattern.sub(repl, string, count)`` with a template ``repl``: each match becomes the template's
    literal text plus, per group reference, at most the match (``\\g<0>``: exactly the match). Above the
    cheap bound (every position a match), one ``subn`` with an empty template counts the matches and
    what they cover, and the lower bound of the result is charged before the substitution makes it.
    Returns ``(repl, count)``: a ``str``/``bytes`` subclass as its plain value (re caches templates by
    value, compared with ``==``), ``count`` converted once."""
    count = operator.index(count)
    if isinstance(repl, str):
        if type(repl) is not str:
            repl = str.__str__(repl)
        text, per, empty, slash = True, 4, "", "\\"
    elif isinstance(repl, bytes):
        if type(repl) is not bytes:
            repl = bytes.__getitem__(repl, slice(None))
        text, per, empty, slash = False, 1, b"", b"\\"
    else:
        return repl, count  # a function (the program's code ticks) or the call's own error
    try:
        ls = str.__len__(string) if isinstance(string, str) else len(memoryview(string).cast("B"))
    except TypeError:
        return repl, count
    if slash not in repl:
        literal, refs, refs0 = repl, 0, 0
    else:
        try:
            groups, literals = _compile_repl(repl, pattern)
        except Exception:  # noqa: BLE001 - the substitution raises its own error (a bad escape...)
            return repl, count
        literal = empty.join(x for x in literals if x is not None)
        refs, refs0 = len(groups), sum(1 for _, g in groups if g == 0)
    lit = len(literal)
    most = ls + 1 if count <= 0 else min(count, ls + 1)
    upper = (ls + most * lit + refs * ls) * per
    if upper <= FREE_BYTES:
        return repl, count
    room = state.room()
    if room is None or upper <= room:
        return repl, count
    stripped, n = pattern.subn(empty, string, count)
    kept = len(stripped)
    lower = kept + n * lit + refs0 * (ls - kept)
    width = _width(literal) if text and n and lit else 1
    state.charge(f"re.{name}() of {n} match{'es' if n != 1 else ''}", lower * width, room)
    return repl, count


def _compile_repl(repl: Any, pattern: Any) -> Any:
    """re's parsed template ``(groups, literals)`` (CPython 3.11's form; later forms are not sized)."""
    parsed = re._compile_repl(repl, pattern)  # type: ignore[attr-defined]
    if not (isinstance(parsed, tuple) and len(parsed) == 2):
        raise TypeError("unknown template form")
    return parsed


_RE_PATTERN = re.Pattern
_RE_METHODS = {name: re.Pattern.__dict__[name] for name in ("sub", "subn")}


_SUB_SIGNATURE: Callable[..., tuple[Any, Any, Any]] = lambda repl, string, count=0: (repl, string, count)


def pattern_sub(state: RunState, name: str, pattern: Any) -> Any:
    """``pattern.sub``/``pattern.subn`` bound to a compiled pattern, its template sized first."""
    method = getattr(pattern, name)

    def sub(*args: Any, **kw: Any) -> Any:
        try:
            repl, string, count = _SUB_SIGNATURE(*args, **kw)
        except TypeError:
            return method(*args, **kw)  # the C method's own message for a call it cannot bind
        repl, count = _sub_args(state, name, pattern, repl, string, count)
        return method(repl, string, count)
    sub.__name__ = sub.__qualname__ = name
    sub.__doc__ = method.__doc__
    return sub


def _sized_pattern_method(state: RunState, v: Any, name: str) -> Any:
    """The stand-in of ``p.sub``/``p.subn``/``re.Pattern.sub`` (bound or unbound), or None."""
    # a Pattern's methods are METH_METHOD: their type is builtin_method, a subclass of builtin_function_or_method
    if isinstance(v, types.BuiltinMethodType) and isinstance(v.__self__, _RE_PATTERN) and v.__name__ == name:
        return pattern_sub(state, name, v.__self__)
    if v is _RE_METHODS.get(name):
        def unbound(*args: Any, **kw: Any) -> Any:
            if not args or not isinstance(args[0], _RE_PATTERN):
                return v(*args, **kw)  # the descriptor's own TypeError
            return pattern_sub(state, name, args[0])(*args[1:], **kw)
        unbound.__name__ = unbound.__qualname__ = name
        return unbound
    return None


_SIZED_TEXT_ARGS = {"replace": _replace_args, "translate": _translate_args}
_US_ARGS: dict[str, Callable[..., tuple[Any, ...]]] = {
    "replace": lambda old, new, maxsplit=-1: (old, new, maxsplit), "translate": lambda *table: table}
_SIZED_TEXT_TYPES = {"replace": (str, bytes, bytearray), "translate": (str,)}


class SizeChecks:
    """The checks of the size guards, shared by the operators (``_sb_mul``...) and the operator slots
    read as attributes (``a.__mul__``, ``list.__mul__``, ``(1).__lshift__``: red team F2)."""

    def __init__(self, state: RunState) -> None:
        self.state = state
        self.max_items = state.max_items
        self.max_bits = state.max_int_bits

    def int_product(self, a: int, b: int) -> None:
        if a.bit_length() + b.bit_length() > self.max_bits:
            raise int_too_large(self.state, a.bit_length() + b.bit_length())

    def repeat(self, seq: Any, n: int) -> None:
        if n > 0 and _real_len(seq) * n > self.max_items:
            items = _real_len(seq) * n
            raise self.state.too_large(f"a sequence repetition of {items} items",
                                       items * (1 if isinstance(seq, _TEXT) else 8), "max_sequence_items",
                                       self.max_items)

    def power(self, a: Any, b: Any) -> None:
        if isinstance(a, int) and isinstance(b, int) and b > 0 and a not in (0, 1, -1):
            if (a.bit_length() - 1) * b > self.max_bits:
                raise int_too_large(self.state, (a.bit_length() - 1) * b)

    def lshift(self, a: Any, b: Any) -> None:
        if isinstance(a, int) and isinstance(b, int) and a and b > 0 and a.bit_length() + b > self.max_bits:
            raise int_too_large(self.state, a.bit_length() + b)

    def width(self, n: int, what: str) -> None:
        if n > self.max_items:
            raise self.state.too_large(f"{what} of {n}", n, "max_sequence_items", self.max_items)

    def spec(self, spec: Any) -> None:
        """A format spec (``format(x, spec)``, ``f"{x:{spec}}"``, ``str.format`` fields, ``__format__``):
        every number in it (width, precision; a custom ``__format__``'s spec alike) at most
        ``max_sequence_items``: C pads or fills that many characters in one call (F7)."""
        if isinstance(spec, str) and spec:  # a str subclass too: C formats with its characters
            for digits in _DIGITS.findall(str.__str__(spec)):
                self.width(int(digits) if len(digits) < 19 else 10 ** 19, "a format width or precision")

    def printf(self, fmt: Any, args: Any) -> Any:
        """``fmt % args`` for a str/bytes ``fmt``: the widths and precisions of its conversions (``*``
        taken from ``args``, as the interpreter would) at most ``max_sequence_items``."""
        self.printf_widths(fmt, args)
        return fmt % args

    def printf_widths(self, fmt: Any, args: Any) -> None:
        if isinstance(fmt, (str, bytes, bytearray)):
            text = str.__str__(fmt) if isinstance(fmt, str) else bytes(fmt).decode("latin-1")
            values = args if isinstance(args, tuple) else (args,)  # a tuple subclass is the arguments too
            i = 0
            for m in _PRINTF.finditer(text):
                if m.group(4) == "%":
                    continue
                for part in (m.group(2), m.group(3)):
                    if part == "*":
                        n = values[i] if i < len(values) else 0
                        i += 1
                        if isinstance(n, int):  # '*' takes an int (a subclass: its value)
                            self.width(abs(int.__int__(n)), "a %-format width or precision")
                    elif part:
                        self.width(int(part) if len(part) < 19 else 10 ** 19, "a %-format width or precision")
                i += 1

    def product(self, a: Any, b: Any, op: Any) -> Any:
        """``op(a, b)`` (``operator.mul``/``imul``), refused if it would be too large. A repeat count that
        is not an int is converted once with ``__index__`` (as the interpreter does; F18), after the
        count's own ``__mul__``/``__rmul__`` had its turn, as in CPython's binary_op1."""
        ta, tb = type(a), type(b)
        if ta is int and tb is int:
            self.int_product(a, b)
            return op(a, b)
        if isinstance(a, REPEATABLE) and not isinstance(b, REPEATABLE):
            seq, count, own = a, b, "__rmul__"
        elif isinstance(b, REPEATABLE) and not isinstance(a, REPEATABLE):
            seq, count, own = b, a, "__mul__"
        else:
            if isinstance(a, int) and isinstance(b, int):
                self.int_product(a, b)
            return op(a, b)
        if type(seq).__mul__ not in _BUILTIN_MULS:
            return op(a, b)  # the program's own __mul__ (a subclass): its code is guarded
        if type(count) is not int:
            if not hasattr(type(count), "__index__"):
                return op(a, b)  # not a count: the interpreter raises (or the count's own __mul__ answers)
            method = getattr(type(count), own, None)
            if method is not None:
                result = method(count, seq)
                if result is not NotImplemented:
                    return result
            count = operator.index(count)
        self.repeat(seq, count)
        return op(seq, count) if seq is a else op(count, seq)

    def slot_args(self, name: str, self_: Any, args: tuple[Any, ...]) -> tuple[Any, ...]:
        """The arguments of the operator slot ``name`` bound to ``self_``, checked (a count converted
        once with ``__index__``, as the slot would)."""
        if not args:
            return args
        other = args[0]
        if name in ("__mul__", "__rmul__", "__imul__"):
            if isinstance(self_, REPEATABLE):
                if not isinstance(other, int) and hasattr(type(other), "__index__") \
                        and not isinstance(other, REPEATABLE):
                    other = operator.index(other)
                if isinstance(other, int):
                    self.repeat(self_, other)
            elif isinstance(self_, int) and isinstance(other, int):
                self.int_product(self_, other)
        elif name == "__mod__":
            self.printf_widths(self_, other)
        elif name == "__rmod__":
            self.printf_widths(other, self_)
        elif len(args) == 1 or args[1] is None:
            if name in ("__pow__", "__ipow__"):
                self.power(self_, other)
            elif name == "__rpow__":
                self.power(other, self_)
            elif name in ("__lshift__", "__ilshift__"):
                self.lshift(self_, other)
            elif name == "__rlshift__":
                self.lshift(other, self_)
        return (other, *args[1:])


_INT_TO_BYTES = int.to_bytes
_FORMAT_SLOT_TYPES = frozenset({types.BuiltinMethodType, types.MethodDescriptorType})
_BOUND_SLOT_TYPES = frozenset({types.MethodWrapperType, types.MethodType})
_SLOT_TYPES = _BOUND_SLOT_TYPES | {types.WrapperDescriptorType, types.FunctionType}
_DIGITS = re.compile(r"\d+")
_PRINTF = re.compile(r"%(\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.)", re.S)
SIZED_SLOTS = frozenset({"__mul__", "__rmul__", "__imul__", "__pow__", "__rpow__", "__ipow__", "__lshift__",
                         "__rlshift__", "__ilshift__", "__mod__", "__rmod__"})
_BUILTIN_MULS = frozenset(getattr(t, "__mul__") for t in REPEATABLE)


def make_size_guards(state: RunState) -> dict[str, Callable[[Any, Any], Any]]:
    checks = SizeChecks(state)
    mul, pow_, lshift = operator.mul, operator.pow, operator.lshift
    imul, ipow, ilshift = operator.imul, operator.ipow, operator.ilshift
    product = checks.product

    def g_mul(a: Any, b: Any) -> Any:
        ta = type(a)
        if (ta is float or ta is int and -0x10000 < a < 0x10000) and type(b) in (int, float) and \
                (type(b) is float or -0x10000 < b < 0x10000):
            return a * b
        return product(a, b, mul)

    def g_pow(a: Any, b: Any, mod: Any = None) -> Any:
        if mod is None:
            if type(a) is int and type(b) is int:
                checks.power(a, b)
            return pow_(a, b)
        return pow(a, b, mod)  # modular: the result is below mod, whatever the exponent

    def g_lshift(a: Any, b: Any) -> Any:
        if type(a) is int and type(b) is int:
            checks.lshift(a, b)
        return lshift(a, b)

    def g_imul(a: Any, b: Any) -> Any:
        return product(a, b, imul)

    def g_ipow(a: Any, b: Any) -> Any:
        if type(a) is int and type(b) is int:
            checks.power(a, b)
        return ipow(a, b)

    def g_format(value: Any, format_spec: Any = "", /) -> Any:
        checks.spec(format_spec)
        return format(value, format_spec)

    g_format.__name__ = g_format.__qualname__ = "format"
    g_format.__doc__ = format.__doc__

    def g_ilshift(a: Any, b: Any) -> Any:
        if type(a) is int and type(b) is int:
            checks.lshift(a, b)
        return ilshift(a, b)

    return {"_sb_mul": g_mul, "_sb_pow": g_pow, "_sb_lshift": g_lshift,
            "_sb_imul": g_imul, "_sb_ipow": g_ipow, "_sb_ilshift": g_ilshift, "pow": g_pow,
            "_sb_spec": _passing(checks.spec), "_sb_pct": checks.printf, "format": g_format}


def _passing(check: Callable[[Any], None]) -> Callable[[Any], Any]:
    def checked(value: Any) -> Any:
        check(value)
        return value
    return checked


# -- typing's process-wide caches ---------------------------------------------------------------
# typing caches subscriptions (``Optional[X]``, ``Literal[v]``, ``List[X]``, ``Generic[T]``...) in
# lru_caches shared by the whole process: a key is compared with ``==``, so an object of the program's
# with the hash of another key and an ``__eq__`` that says yes was returned to later runs and to the host
# for their own ``typing.Optional[fractions.Fraction]`` (red team F14). Decided by what the parameters
# are: only values whose hash and equality no program code can decide enter the caches (exact scalars,
# tuples of them, classes that are not the program's, typing's own objects built from such values); with
# anything else the subscription is computed uncached, as typing itself does for unhashable parameters.
_PLAIN_KEYS = frozenset({str, int, bool, float, complex, bytes, type(None), type(Ellipsis), type(NotImplemented)})
_TYPING_ALIASES = (typing._BaseGenericAlias, types.GenericAlias, types.UnionType)  # type: ignore[attr-defined]
_TYPING_IDENTITIES = (typing.TypeVar, typing.ParamSpec, typing._SpecialForm, typing.ParamSpecArgs,  # type: ignore[attr-defined]
                      typing.ParamSpecKwargs, typing.NewType)


def cache_safe(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` may be a key of a process-wide cache: its ``==`` and hash run no program code
    and it holds nothing of the program's."""
    t = type(value)
    if t in _PLAIN_KEYS:
        return True
    if depth > 30:
        return False
    if t is tuple or t is frozenset:
        return all(cache_safe(v, depth + 1) for v in value)
    if isinstance(value, type):
        meta = type(value)
        return meta.__eq__ is type.__eq__ and meta.__hash__ is type.__hash__ \
            and value.__dict__.get("__module__") != "__main__"  # the program's classes are made in __main__
    if isinstance(value, _TYPING_ALIASES):
        parts = (getattr(value, "__origin__", None), getattr(value, "__args__", ()),
                 getattr(value, "__metadata__", ()))
        return t.__module__ in ("typing", "types") and all(cache_safe(p, depth + 1) for p in parts)
    if isinstance(value, _TYPING_IDENTITIES):
        return t.__eq__ is object.__eq__ and t.__hash__ is object.__hash__
    return False


def _guarded_cache(cached: Any) -> Any:
    def lookup(*args: Any, **kw: Any) -> Any:
        if all(cache_safe(a) for a in args) and all(cache_safe(v) for v in kw.values()):
            return cached(*args, **kw)
        raise TypeError("not a cache key")  # typing's _tp_cache then calls the function itself, once
    lookup.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    lookup._sb_cached = cached  # type: ignore[attr-defined]
    return lookup


def protect_typing_caches() -> int:
    """Put ``cache_safe`` in front of every lru_cache of typing's ``_tp_cache`` (the ``cached`` cell of
    its wrappers), once per process; returns how many were found."""
    wrappers: list[Any] = []
    for value in vars(typing).values():
        if isinstance(value, type):
            for member in vars(value).values():
                wrappers.append(member.__func__ if isinstance(member, (classmethod, staticmethod)) else member)
        elif isinstance(value, typing._SpecialForm):  # type: ignore[attr-defined]
            wrappers.append(getattr(value, "_getitem", None))
        else:
            wrappers.append(value)
    found = 0
    for fn in wrappers:
        if type(fn) is not types.FunctionType or fn.__code__.co_freevars != ("cached", "func"):
            continue
        cell = fn.__closure__[0]  # type: ignore[index]
        if type(cell.cell_contents) is functools._lru_cache_wrapper:
            cell.cell_contents = _guarded_cache(cell.cell_contents)
            found += 1
        elif hasattr(cell.cell_contents, "_sb_cached"):
            found += 1
    return found


def protect_library_caches() -> None:
    """The library's other process-wide caches keyed by what a program passes: ``re``'s compiled
    patterns (key ``(type(pattern), pattern, flags)``: an int subclass of the program's as ``flags``,
    hash 0 and an ``__eq__`` saying yes, made every later ``re.compile("abc")`` of the process, the
    host's included, run its ``__eq__`` and get its IGNORECASE pattern) and ``_strptime``'s format
    regexes (keyed by the format: a ``str`` subclass's ``__eq__`` decides). Both get exact values:
    flags as an exact int, a format as an exact str (what CPython computes from them is the same)."""
    import _strptime
    import re

    compile_ = re._compile  # type: ignore[attr-defined]
    if getattr(compile_, "_sb_exact", False):
        return
    flag_type = re.RegexFlag

    def _compile(pattern: Any, flags: Any) -> Any:
        if type(flags) is not int and type(flags) is not flag_type:
            flags = operator.index(flags) if not isinstance(flags, int) else int.__int__(flags)
        return compile_(pattern, flags)

    strptime_ = _strptime._strptime  # type: ignore[attr-defined]

    def _strptime_exact(data_string: Any, format: Any = "%a %b %d %H:%M:%S %Y") -> Any:  # noqa: A002
        if isinstance(format, str) and type(format) is not str:
            format = str.__str__(format)  # noqa: A001
        if isinstance(data_string, str) and type(data_string) is not str:
            data_string = str.__str__(data_string)
        return strptime_(data_string, format)

    _compile._sb_exact = True  # type: ignore[attr-defined]
    re._compile = _compile  # type: ignore[attr-defined]
    _strptime._strptime = _strptime_exact  # type: ignore[attr-defined]


protect_typing_caches()
protect_library_caches()
