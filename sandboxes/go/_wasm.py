"""Running ``wasip1`` modules in wasmtime: engines, the epoch ticker, host shims, the module cache.

Engines are shared by the whole process, one per compilation tier:

* ``quick`` (Cranelift ``opt_level=none``, single-pass register allocation):
  compiles a Go module in about 0.4 s; the code runs about 2x slower.
* ``optimized`` (``opt_level=speed``, backtracking allocator): about 0.8 s to
  compile, the code runs within about 3x of native Go.

A new program is compiled with ``quick``; once the same program is hot (it has
run 5 times, or used 0.2 s of CPU in all, on that tier: ``GoRuntime._is_hot``), it is
recompiled with ``optimized`` in the background and later runs use that. A
program run once or twice briefly never pays the optimized compile. Compiling
happens in a confined child process (``_compile``); these engines only
deserialize and run what it produced, and the cache (``_cache``) keeps it.

Every run gets a new ``Store`` (memory limit, epoch deadline), a WASI context
with no preopened directories, no sockets, an empty environment (or the
policy's), ``argv == ["main"]`` and stdin from a fixed byte string. These WASI
functions are replaced by ours: ``fd_write`` (stdout/stderr captured with a
byte cap), ``poll_oneoff`` (sleeps are bounded by the run's deadline,
because the epoch deadline interrupts only running wasm code, not a guest
blocked in the host), ``proc_exit``, and every ``path_*`` function, which
answers ``EPERM`` (there is no file system: Go's ``os.Open`` says
``operation not permitted`` and ``errors.Is(err, os.ErrPermission)`` holds,
where wasmtime's own answer, ``EBADF`` for the missing directory, read
``Bad file number``).

Engine errors are translated into statuses in exactly one place:
``translate``.
"""

from __future__ import annotations

import atexit
import codecs
import ctypes
import hashlib
import math
import os
import platform
import re
import struct
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import wasmtime
from wasmtime import _ffi as ffi

from .. import _control
from .._bigstack import BigStack
from ..result import Status

TICK_S = 0.005  # epoch period while runs are active
WASI = "wasi_snapshot_preview1"
# The quick tier (a program's first compile) uses Winch, wasmtime's baseline compiler (Tier 1 on
# x86_64 in wasmtime's support tiers), where it exists: a Go module of ~2.4 MB compiles in ~0.2 s of
# CPU against ~0.8 s with Cranelift at opt_level none, and its code ran as fast as that Cranelift code
# here. Cranelift's optimized tier replaces it once a program is hot.
QUICK_STRATEGY = "winch" if platform.machine().lower() in ("x86_64", "amd64") else "cranelift"
TIERS: dict[str, dict[str, str]] = {
    "quick": {"strategy": QUICK_STRATEGY, "cranelift_opt_level": "none", "regalloc_algorithm": "single_pass"},
    "optimized": {"strategy": "cranelift", "cranelift_opt_level": "speed", "regalloc_algorithm": "backtracking"},
}
# Go's wasm port makes every Go call a wasm call, on the native stack of the thread running the guest:
# wasmtime's default limit (512 KiB) stopped a depth-first search at ~10,000 frames with "wasm stack
# overflow" where native Go (1 GB goroutine stacks) answers. 64 MiB held a 1,000,000-deep one. Guests
# run on threads of their own with more native stack than that (``_GUEST_THREADS``).
WASM_STACK = 64 << 20
_THREAD_STACK = WASM_STACK + (8 << 20)  # the wasm stack and the Python frames under it
# wasmtime_strategy_t of wasmtime's C API (config.h); wasmtime-py's Config.strategy accepts only the first two
STRATEGIES = {"auto": 0, "cranelift": 1, "winch": 2}


def set_wasm_stack(cfg: wasmtime.Config, size: int) -> None:
    """``max_wasm_stack`` of ``size`` bytes, after an async stack above it: wasmtime aborts the process
    (a Rust panic) when max_wasm_stack exceeds async_stack_size, which it checks when the engine is made."""
    ffi.wasmtime_config_async_stack_size_set(cfg.ptr(), size + (2 << 20))
    cfg.max_wasm_stack = size


def configure_tier(cfg: wasmtime.Config, settings: dict[str, str]) -> None:
    """The compiler settings of a tier (the module compiler's process repeats this: it imports nothing of ours)."""
    ffi.wasmtime_config_strategy_set(cfg.ptr(), STRATEGIES[settings["strategy"]])
    cfg.cranelift_opt_level = settings["cranelift_opt_level"]
    cfg.cranelift_flag_set("regalloc_algorithm", settings["regalloc_algorithm"])

# WASI errno values (wasi_snapshot_preview1)
_ESUCCESS, _EBADF, _EFAULT, _EINVAL, _ENOTSUP, _EPERM = 0, 8, 21, 28, 58, 63


def wasmtime_version() -> str:
    from importlib.metadata import version

    return version("wasmtime")


# --------------------------------------------------------------------------- engines and ticker

# Stores take their linear memory, tables and instance from a pool reserved once per engine:
# no mmap/mprotect/munmap per run, and the first 16 MiB of a memory stay resident between runs
# (zeroed by wasmtime when a store releases its slot) instead of being faulted in again: about
# 0.25 ms of a 1.5 ms cached hello world here. POOL_SLOTS runs of a tier may hold a slot at once
# (a semaphore makes further ones wait for a slot, within their deadline); each slot reserves
# the 4 GiB a wasm32 memory can reach, as address space only.
POOL_SLOTS = 64
_GUEST_THREADS = BigStack(_THREAD_STACK, "sandboxes-go-run", max_threads=POOL_SLOTS,
                          what="a Go run's clean-up")
_POOL_KEEP_RESIDENT = 16 << 20


def _pooling(cfg: wasmtime.Config) -> None:
    p = ffi.wasmtime_pooling_allocation_config_new()
    try:
        ffi.wasmtime_pooling_allocation_config_total_memories_set(p, POOL_SLOTS)
        ffi.wasmtime_pooling_allocation_config_total_tables_set(p, POOL_SLOTS)
        ffi.wasmtime_pooling_allocation_config_total_core_instances_set(p, POOL_SLOTS)
        ffi.wasmtime_pooling_allocation_config_total_stacks_set(p, POOL_SLOTS)
        ffi.wasmtime_pooling_allocation_config_max_memory_size_set(p, 4 << 30)
        ffi.wasmtime_pooling_allocation_config_max_core_instance_size_set(p, 1 << 20)
        ffi.wasmtime_pooling_allocation_config_table_elements_set(p, 1 << 20)
        ffi.wasmtime_pooling_allocation_config_max_unused_warm_slots_set(p, 4)
        ffi.wasmtime_pooling_allocation_config_linear_memory_keep_resident_set(p, _POOL_KEEP_RESIDENT)
        ffi.wasmtime_pooling_allocation_strategy_set(cfg.ptr(), p)
    finally:
        ffi.wasmtime_pooling_allocation_config_delete(p)


class _Engines:
    """One engine per tier, their linkers, and the epoch ticker shared by all runs."""

    def __init__(self) -> None:
        self.engines: dict[str, wasmtime.Engine] = {}
        self.linkers: dict[str, wasmtime.Linker] = {}
        self.slots: dict[str, threading.BoundedSemaphore] = {}
        for tier, settings in TIERS.items():
            cfg = wasmtime.Config()
            cfg.epoch_interruption = True
            cfg.parallel_compilation = True
            configure_tier(cfg, settings)
            set_wasm_stack(cfg, WASM_STACK)
            _pooling(cfg)
            engine = wasmtime.Engine(cfg)
            self.engines[tier] = engine
            self.slots[tier] = threading.BoundedSemaphore(POOL_SLOTS)
            self.linkers[tier] = _make_linker(engine)
        self.settings = repr(sorted((t, sorted(s.items())) for t, s in TIERS.items())) + f"|epoch|{wasmtime_version()}"
        self._cond = threading.Condition()
        self._active = 0
        self._stopped = False
        self._thread: threading.Thread | None = None
        self.extra: list[wasmtime.Engine] = []  # other engines on this ticker (the wasm Python engine)

    def acquire(self) -> None:
        """A run starts: make sure the ticker is ticking."""
        with self._cond:
            self._active += 1
            if self._thread is None and not self._stopped:
                self._thread = threading.Thread(target=self._tick, name="sandboxes-go-epoch", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def release(self) -> None:
        with self._cond:
            self._active -= 1

    def _tick(self) -> None:
        # The epoch follows the wall clock, not the number of wake-ups: under load
        # a 5 ms sleep often lasts longer, and counting wake-ups would let deadlines drift late.
        engines = list(self.engines.values())
        origin = time.monotonic()
        ticks = 0
        while True:
            with self._cond:
                if self._active == 0 and not self._stopped:
                    while self._active == 0 and not self._stopped:
                        self._cond.wait()
                    origin = time.monotonic() - ticks * TICK_S  # idle time is not owed
                if self._stopped:
                    return
            time.sleep(TICK_S)
            due = int((time.monotonic() - origin) / TICK_S)
            ticked = engines + self.extra
            while ticks < due:
                ticks += 1
                for e in ticked:
                    e.increment_epoch()

    def stop(self) -> None:
        """Stop the ticker thread (at interpreter exit, before engines are torn down)."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=1.0)


_engines: _Engines | None = None
_engines_lock = threading.Lock()


def engines() -> _Engines:
    global _engines
    with _engines_lock:
        if _engines is None:
            _engines = _Engines()
        return _engines


@atexit.register
def _shutdown() -> None:
    # Registered at import, so it runs after the atexit handlers of modules that
    # use this one (LIFO): every run is over, then the ticker stops.
    with _engines_lock:
        e = _engines
    if e is not None:
        e.stop()


def _after_fork_in_child() -> None:
    """In a child forked from this process (owned with sandboxes/isolation): restart the ticker.

    The epoch ticker's thread is not in the child, and it would never be restarted (a guest loop
    would then never reach its deadline); locks that other threads held at the fork would stay
    held. The engines, their pooling allocator and the compiled modules are process memory and
    stay usable. Slots that runs in flight at the fork held are the parent's: they stay taken.
    """
    global _engines_lock
    _engines_lock = threading.Lock()
    e = _engines
    if e is not None:
        e._cond = threading.Condition()
        e._active = 0
        e._thread = None
        e.slots = {tier: threading.BoundedSemaphore(max(1, s._value)) for tier, s in e.slots.items()}


os.register_at_fork(after_in_child=_after_fork_in_child)


# --------------------------------------------------------------------------- per-run state and host shims

class _Stop(Exception):
    """Raised inside a host function to end the guest; the reason is in the run state."""


@dataclass
class RunState:
    deadline: float  # time.monotonic() value
    max_output: int | None
    stdout: bytearray = field(default_factory=bytearray)
    stderr: bytearray = field(default_factory=bytearray)
    stop: str | None = None  # "timeout" | "output_limit" | "exit" when a host shim stopped the guest
    exit_code: int = 0  # the status given to proc_exit (stop == "exit")
    memory: Any = None  # the instance's exported memory, looked up once per run (25 us a lookup)
    memory_limit: int | None = None  # bytes of linear memory the store may have
    final_memory: int = 0  # bytes of linear memory when the run ended
    wake: threading.Event | None = None  # set by a caller's cancel (arun): ends the guest's sleep at once
    control: Any = None  # a caller's RunControl that streams output (on_output): written bytes passed on at once
    decoders: dict[int, Any] = field(default_factory=dict)  # per fd: UTF-8 across writes, as the Result decodes
    fs_denied: str = ""  # the first path_* function the guest called (each answered EPERM)

    def sleep(self, seconds: float) -> None:
        """A guest's sleep; a cancel ends it and stops the guest."""
        if self.control is not None:
            self.control.flush()
        if self.wake is None:
            time.sleep(seconds)
        elif self.wake.wait(seconds):
            self.stop = "cancelled"
            raise _Stop()
    clock_now: Callable[[int], float] | None = None  # seconds on a WASI clock id, when absolute sleeps are allowed

    def pass_on(self, fd: int, data: bytes | bytearray) -> None:
        """Stream what the guest just wrote to the caller (decoded as the Result's text will be)."""
        dec = self.decoders.get(fd)
        if dec is None:
            dec = self.decoders[fd] = codecs.getincrementaldecoder("utf-8")("replace")
        text = dec.decode(data)
        if text:
            self.control.emit("stdout" if fd == 1 else "stderr", text)

    def output_room(self) -> int | None:
        if self.max_output is None:
            return None
        return self.max_output - len(self.stdout) - len(self.stderr)


_current = threading.local()


def _state() -> RunState:
    st = getattr(_current, "state", None)
    if st is None:  # a host call outside any run of ours: refuse
        raise _Stop()
    return st  # type: ignore[no-any-return]


def _memory(caller: Any, st: RunState) -> memoryview:
    """The calling instance's linear memory, as a memoryview (``caller``: a raw ``wasmtime_caller_t*``)."""
    mem = st.memory
    if mem is None:
        item = ffi.wasmtime_extern_t()
        if not ffi.wasmtime_caller_export_get(caller, b"memory", 6, ctypes.byref(item)) \
                or item.kind != ffi.WASMTIME_EXTERN_MEMORY.value:
            raise _Stop()
        mem = st.memory = item.of.memory
    ctx = ffi.wasmtime_caller_context(caller)
    size = ffi.wasmtime_memory_data_size(ctx, ctypes.byref(mem))
    if not size:
        return memoryview(b"")
    data = ffi.wasmtime_memory_data(ctx, ctypes.byref(mem))
    return memoryview((ctypes.c_ubyte * size).from_address(ctypes.addressof(data.contents))).cast("B")


# Bounds on what one host call may ask of us. A guest can forge any arguments (reflect's
# SliceHeader reaches all of linear memory without package unsafe), and these shims run in
# Python, where the epoch deadline cannot interrupt them: the work per call must be bounded by
# these numbers and the output cap, never by the guest's arguments. Go's runtime uses one iovec
# per write and at most a few subscriptions per poll; Linux's IOV_MAX is 1024.
MAX_IOVS = 1024
MAX_SUBSCRIPTIONS = 1024
_IOVEC = struct.Struct("<II")


def _fd_write(caller: Any, fd: int, iovs: int, iovs_len: int, nwritten: int) -> int:
    """Capture stdout and stderr, up to the run's output cap, and stream them to a caller who asked
    (``RunState.control``); other descriptors are closed.

    No more than the cap (or, uncapped, the size of linear memory) is copied per call, however
    many iovecs point at the same bytes.
    """
    st = _state()
    if fd != 1 and fd != 2:
        return _EBADF
    if iovs_len > MAX_IOVS:
        return _EINVAL
    mem = _memory(caller, st)
    size = len(mem)
    if iovs < 0 or iovs_len < 0 or iovs + 8 * iovs_len > size or nwritten < 0 or nwritten + 4 > size:
        return _EFAULT
    room = st.output_room()
    budget = size if room is None else max(room, 0)
    target = st.stdout if fd == 1 else st.stderr
    before = len(target)
    spans = list(_IOVEC.iter_unpack(mem[iovs:iovs + 8 * iovs_len]))
    for ptr, length in spans:
        if ptr + length > size:
            return _EFAULT
    total = sum(length for _, length in spans)
    if total > budget:
        for ptr, length in spans:  # what still fits, then stop the guest
            take = min(length, budget)
            target += mem[ptr:ptr + take]
            budget -= take
            if budget <= 0:
                break
        if st.control is not None:
            st.pass_on(fd, target[before:])
        st.stop = "output_limit"
        raise _Stop()
    for ptr, length in spans:
        target += mem[ptr:ptr + length]
    if st.control is not None and total:
        st.pass_on(fd, target[before:])
    struct.pack_into("<I", mem, nwritten, total)
    return _ESUCCESS


def _proc_exit(caller: Any, code: int) -> None:
    """WASI ``proc_exit``: remember the status and end the guest.

    wasmtime's own refuses statuses of 126 and more with an engine error; a program may pass
    any u32 (``os.Exit(300)``, ``os.Exit(-1)``), and a native process would report it modulo 256.
    """
    st = _state()
    st.exit_code = code & 0xFFFFFFFF
    st.stop = "exit"
    raise _Stop()


def _poll_oneoff(caller: Any, in_ptr: int, out_ptr: int, nsubs: int, nevents_ptr: int) -> int:
    """Like WASI's ``poll_oneoff``, but no sleep outlives the run's deadline.

    Clock subscriptions (relative) sleep at most until the deadline, after
    which the guest is stopped with ``timeout``. Descriptor subscriptions
    never block: stdin is a fixed byte string and stdout/stderr are captured,
    so fds 0-2 are always ready; any other descriptor gets ``EBADF``.
    """
    st = _state()
    mem = _memory(caller, st)
    if nsubs <= 0 or nsubs > MAX_SUBSCRIPTIONS:
        return _EINVAL
    if in_ptr < 0 or out_ptr < 0 or in_ptr + 48 * nsubs > len(mem) or out_ptr + 32 * nsubs > len(mem) \
            or nevents_ptr < 0 or nevents_ptr + 4 > len(mem):
        return _EFAULT
    events: list[tuple[int, int, int, int]] = []  # userdata, errno, type, nbytes
    clocks: list[tuple[int, float]] = []
    for k in range(nsubs):
        base = in_ptr + 48 * k
        userdata, tag = struct.unpack_from("<QB", mem, base)
        if tag == 0:  # clock
            _clock_id, timeout_ns, _precision, flags = struct.unpack_from("<I4xQQH", mem, base + 16)
            if flags & 1 and st.clock_now is not None:  # absolute, on clocks the host defines (wasm Python)
                clocks.append((userdata, max(0.0, timeout_ns / 1e9 - st.clock_now(_clock_id))))
            elif flags & 1:  # absolute time: Go never asks for it; refuse rather than guess
                events.append((userdata, _ENOTSUP, 0, 0))
            else:
                clocks.append((userdata, timeout_ns / 1e9))
        elif tag in (1, 2):  # fd_read, fd_write
            (fd,) = struct.unpack_from("<I", mem, base + 16)
            ready = (tag == 1 and fd == 0) or (tag == 2 and fd in (1, 2))
            events.append((userdata, _ESUCCESS if ready else _EBADF, tag, 1 if ready else 0))
        else:
            return _EINVAL
    if not events:
        delay = min(t for _, t in clocks)
        remaining = st.deadline - time.monotonic()
        if delay >= remaining:
            if remaining > 0:
                st.sleep(remaining)
            st.stop = "timeout"
            raise _Stop()
        if delay > 0:
            st.sleep(delay)
        events = [(u, _ESUCCESS, 0, 0) for u, t in clocks if t <= delay]
    for k, (userdata, errno, typ, nbytes) in enumerate(events):
        struct.pack_into("<QHBxxxxxQH6x", mem, out_ptr + 32 * k, userdata, errno, typ, nbytes, 0)
    struct.pack_into("<I", mem, nevents_ptr, len(events))
    return _ESUCCESS


# wasmtime-py's host-function trampoline costs ~15 us a call (a Caller object, a Val per
# argument); Go's fmt.Println makes one fd_write per line, so output-heavy programs paid it per
# line. Our shims are registered as "unchecked" functions instead: a ctypes callback that reads
# the i32 arguments straight from wasmtime's raw value array, as the u32s WASI makes them (pointers,
# lengths, descriptors: read signed, a buffer above 2 GiB of linear memory would be a negative address). A stop (exit, output cap, deadline
# while sleeping) is a trap carrying _STOP_TRAP; RunState.stop says which; a Python error of ours
# is kept in _current.host_error and reported as an internal error.
_STOP_TRAP = b"sandboxes: guest stopped by the host"


def _stop_trap() -> int:
    trap = ffi.wasmtime_trap_new(_STOP_TRAP, len(_STOP_TRAP))
    return ctypes.cast(trap, ctypes.c_void_p).value or 0


def _raw_host(func: Callable[..., int | None], nparams: int, has_result: bool) -> Any:
    @ffi.wasmtime_func_unchecked_callback_t
    def callback(env: Any, caller: Any, args: Any, nargs: int) -> int:
        try:
            res = func(caller, *[args[i].i32 & 0xFFFFFFFF for i in range(nparams)])  # WASI's u32s, unsigned
            if has_result:
                args[0].i32 = res
            return 0
        except _Stop:
            return _stop_trap()
        except BaseException as e:  # noqa: BLE001 - a bug of ours: the run reports it, the host survives
            _current.host_error = e
            return _stop_trap()

    return callback


# The WASI functions that take a path, with their parameter types (wasi_snapshot_preview1; each returns
# an errno). With no preopened directory there is nothing a path could name: each answers EPERM, reads
# none of its arguments (forged or not), and the run remembers the first one for its hint.
_PATH_FUNCS: dict[str, str] = {
    "path_create_directory": "iii",
    "path_filestat_get": "iiiii",
    "path_filestat_set_times": "iiiiIIi",
    "path_link": "iiiiiii",
    "path_open": "iiiiiIIii",
    "path_readlink": "iiiiii",
    "path_remove_directory": "iii",
    "path_rename": "iiiiii",
    "path_symlink": "iiiii",
    "path_unlink_file": "iii",
}
NO_FILE_SYSTEM = ("this sandbox has no file system: every file or directory operation fails with EPERM "
                  "(os.ErrPermission); read the input from stdin (os.Stdin) and write to stdout")


def _no_file_system(name: str) -> Any:
    @ffi.wasmtime_func_unchecked_callback_t
    def callback(env: Any, caller: Any, args: Any, nargs: int) -> int:
        st = getattr(_current, "state", None)
        if st is None:  # a host call outside any run of ours: refuse
            return _stop_trap()
        if not st.fs_denied:
            st.fs_denied = name
        args[0].i32 = _EPERM
        return 0

    return callback


@ctypes.CFUNCTYPE(None, ctypes.c_void_p)
def _no_finalizer(env: Any) -> None:
    return None


# A run that its caller may cancel (arun) reaches its epoch deadline every CANCEL_CHECK_TICKS: this
# callback then stops it if it was cancelled, or at its real deadline (as the epoch trap would: the
# same Outcome), and otherwise lets it go on. Other runs keep the one deadline of their timeout.
CANCEL_CHECK_TICKS = 10


@ctypes.CFUNCTYPE(ctypes.c_size_t, ctypes.POINTER(ffi.wasmtime_context_t), ctypes.c_void_p,
                  ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(ctypes.c_uint8))
def _on_epoch(ctx: Any, data: Any, delta: Any, kind: Any) -> int:
    st = getattr(_current, "state", None)
    if st is None or (st.wake is not None and st.wake.is_set()):
        if st is not None:
            st.stop = "cancelled"
        return _stop_error()
    if st.control is not None:
        st.control.flush()
    left = st.deadline - time.monotonic()
    if left <= 0:
        st.stop = "deadline"
        return _stop_error()
    delta[0] = min(CANCEL_CHECK_TICKS, _epoch_ticks(left))
    kind[0] = 0  # WASMTIME_UPDATE_DEADLINE_CONTINUE
    return 0


def _stop_error() -> int:
    err = ffi.wasmtime_error_new(_STOP_TRAP)
    return ctypes.cast(err, ctypes.c_void_p).value or 0


_HOST_CALLBACKS = {  # kept alive for the life of the process: the linkers hold raw pointers to them
    "fd_write": _raw_host(_fd_write, 4, True),
    "poll_oneoff": _raw_host(_poll_oneoff, 4, True),
    "proc_exit": _raw_host(_proc_exit, 1, False),
    **{name: _no_file_system(name) for name in _PATH_FUNCS},
}


def _make_linker(engine: wasmtime.Engine) -> wasmtime.Linker:
    i32 = wasmtime.ValType.i32()
    types = {"fd_write": wasmtime.FuncType([i32, i32, i32, i32], [i32]),
             "poll_oneoff": wasmtime.FuncType([i32, i32, i32, i32], [i32]),
             "proc_exit": wasmtime.FuncType([i32], [])}
    i64 = wasmtime.ValType.i64()
    for name, params in _PATH_FUNCS.items():
        types[name] = wasmtime.FuncType([i32 if p == "i" else i64 for p in params], [i32])
    linker = wasmtime.Linker(engine)
    linker.allow_shadowing = True
    linker.define_wasi()
    module = WASI.encode()
    for name, ty in types.items():
        error = ffi.wasmtime_linker_define_func_unchecked(
            linker.ptr(), module, len(module), name.encode(), len(name), ty.ptr(), _HOST_CALLBACKS[name], None,
            _no_finalizer)
        if error:
            raise wasmtime.WasmtimeError._from_ptr(error)
    linker.allow_shadowing = False
    return linker


# --------------------------------------------------------------------------- translating engine errors

# Every wasmtime TrapCode, by name -> (status, what to tell the user).
# Go modules only produce the core-wasm ones; the component-model and
# debug-assertion codes are mapped so a new engine cannot slip one through unmapped.
TRAP_STATUS: dict[str, tuple[Status, str]] = {
    "STACK_OVERFLOW": (Status.ERROR, "wasm stack overflow"),
    "MEMORY_OUT_OF_BOUNDS": (Status.ERROR, "out-of-bounds memory access"),
    "HEAP_MISALIGNED": (Status.ERROR, "misaligned memory access"),
    "TABLE_OUT_OF_BOUNDS": (Status.ERROR, "out-of-bounds table access"),
    "INDIRECT_CALL_TO_NULL": (Status.ERROR, "indirect call to null"),
    "BAD_SIGNATURE": (Status.ERROR, "indirect call signature mismatch"),
    "INTEGER_OVERFLOW": (Status.ERROR, "integer overflow"),
    "INTEGER_DIVISION_BY_ZERO": (Status.ERROR, "integer divide by zero"),
    "BAD_CONVERSION_TO_INTEGER": (Status.ERROR, "invalid conversion to integer"),
    "UNREACHABLE": (Status.ERROR, "unreachable code executed"),
    "INTERRUPT": (Status.TIMEOUT, "time limit exceeded"),
    "OUT_OF_FUEL": (Status.TIMEOUT, "out of fuel"),
    "ATOMIC_WAIT_NON_SHARED_MEMORY": (Status.ERROR, "atomic wait on non-shared memory"),
    "NULL_REFERENCE": (Status.ERROR, "null reference"),
    "ARRAY_OUT_OF_BOUNDS": (Status.ERROR, "out-of-bounds array access"),
    "ALLOCATION_TOO_LARGE": (Status.MEMORY_LIMIT, "allocation too large"),
    "CAST_FAILURE": (Status.ERROR, "cast failure"),
    "CANNOT_ENTER_COMPONENT": (Status.ERROR, "cannot enter component"),
    "NO_ASYNC_RESULT": (Status.ERROR, "async function produced no result"),
    "UNHANDLED_TAG": (Status.ERROR, "unhandled tag"),
    "CONTINUATION_ALREADY_CONSUMED": (Status.ERROR, "continuation already consumed"),
    "DISABLED_OPCODE": (Status.ERROR, "disabled opcode"),
    "ASYNC_DEADLOCK": (Status.ERROR, "deadlock"),
    "CANNOT_LEAVE_COMPONENT": (Status.ERROR, "cannot leave component"),
    "CANNOT_BLOCK_SYNC_TASK": (Status.ERROR, "cannot block a synchronous task"),
    "INVALID_CHAR": (Status.ERROR, "invalid char"),
    "DEBUG_ASSERT_STRING_ENCODING_FINISHED": (Status.ERROR, "engine assertion failed"),
    "DEBUG_ASSERT_EQUAL_CODE_UNITS": (Status.ERROR, "engine assertion failed"),
    "DEBUG_ASSERT_POINTER_ALIGNED": (Status.ERROR, "engine assertion failed"),
    "DEBUG_ASSERT_UPPER_BITS_UNSET": (Status.ERROR, "engine assertion failed"),
    "STRING_OUT_OF_BOUNDS": (Status.ERROR, "string out of bounds"),
    "LIST_OUT_OF_BOUNDS": (Status.ERROR, "list out of bounds"),
    "INVALID_DISCRIMINANT": (Status.ERROR, "invalid discriminant"),
    "UNALIGNED_POINTER": (Status.ERROR, "unaligned pointer"),
    "TASK_CANCEL_NOT_CANCELLED": (Status.ERROR, "invalid task cancellation"),
    "TASK_CANCEL_OR_RETURN_TWICE": (Status.ERROR, "task cancelled or returned twice"),
    "SUBTASK_CANCEL_AFTER_TERMINAL": (Status.ERROR, "subtask cancelled after finishing"),
    "TASK_RETURN_INVALID": (Status.ERROR, "invalid task return"),
    "WAITABLE_SET_DROP_HAS_WAITERS": (Status.ERROR, "waitable set dropped with waiters"),
    "SUBTASK_DROP_NOT_RESOLVED": (Status.ERROR, "subtask dropped before resolving"),
    "THREAD_NEW_INDIRECT_INVALID_TYPE": (Status.ERROR, "invalid thread function type"),
    "THREAD_NEW_INDIRECT_UNINITIALIZED": (Status.ERROR, "uninitialized thread function"),
    "BACKPRESSURE_OVERFLOW": (Status.ERROR, "backpressure counter overflow"),
    "UNSUPPORTED_CALLBACK_CODE": (Status.ERROR, "unsupported callback code"),
    "CANNOT_RESUME_THREAD": (Status.ERROR, "cannot resume thread"),
    "CONCURRENT_FUTURE_STREAM_OP": (Status.ERROR, "concurrent stream operation"),
    "REFERENCE_COUNT_OVERFLOW": (Status.ERROR, "reference count overflow"),
    "STREAM_OP_TOO_BIG": (Status.ERROR, "stream operation too big"),
    "WAITABLE_SYNC_AND_ASYNC": (Status.ERROR, "waitable used synchronously and asynchronously"),
    "UNCAUGHT_EXCEPTION": (Status.ERROR, "uncaught exception"),
}

# The Go runtime's own last words when linear memory cannot grow (exit status 2).
_GO_OOM = re.compile(rb"^(fatal error: out of memory|runtime: out of memory)", re.MULTILINE)
_GO_OOM_NEED = re.compile(rb"^runtime: out of memory: cannot allocate (\d{1,20})-byte block", re.MULTILINE)
_WASM32_MAX = 4 << 30
_OOM_SLACK = 8 << 20  # the runtime grows memory by whole heap arenas (4 MiB on wasm), plus rounding


def _out_of_memory(state: RunState) -> bool:
    """Go's out-of-memory crash, and linear memory that really could not grow as asked.

    The wording alone is the guest's to print: only when the memory at the end, plus what the
    runtime says it could not allocate, reaches the limit is it the limit that ended the run.
    (A guest that prints the wording with a huge request made up is in the same place as one
    that asks for it: the verdict stays true to what the limit allows.)
    """
    err = bytes(state.stderr)
    if not _GO_OOM.search(err):
        return False
    limit = min(state.memory_limit or _WASM32_MAX, _WASM32_MAX)
    need = max((int(m.group(1)) for m in _GO_OOM_NEED.finditer(err)), default=0)
    return state.final_memory + need + _OOM_SLACK > limit


@dataclass(frozen=True)
class Outcome:
    status: Status
    exit_code: int | None
    message: str = ""  # appended to the guest's stderr
    stop_detail: str = ""


def translate(exc: BaseException | None, state: RunState) -> Outcome:
    """The one place where how a run ended becomes a status.

    ``exc`` is what ``_start`` raised (``None`` when it returned normally).
    A stop decided by our host shims wins over the exception, which may be a
    generic "python exception" trap.
    """
    if isinstance(exc, wasmtime.ExitTrap) and state.stop is None:  # wasmtime's own proc_exit (a bare linker)
        state.stop, state.exit_code = "exit", exc.code
    if state.stop == "timeout":
        return Outcome(Status.TIMEOUT, None, "time limit exceeded (while sleeping)", "wasmtime:poll_oneoff")
    if state.stop == "deadline":  # the epoch callback of a cancellable run: as the epoch trap reports it
        status, text = TRAP_STATUS["INTERRUPT"]
        return Outcome(status, None, f"wasm trap: {text}", "wasmtime:trap:interrupt")
    if state.stop == "cancelled":  # "wasmtime": a worker's result may not claim the host's "cancelled"
        return Outcome(Status.ERROR, None, "cancelled by the caller", "wasmtime:cancelled")
    if state.stop == "output_limit":
        if _out_of_memory(state):
            # Go's out-of-memory crash dumps every goroutine: a goroutine bomb
            # floods stderr while dying of the memory limit, which is the cause.
            return Outcome(Status.MEMORY_LIMIT, None, "memory limit exceeded", "wasmtime:memory_limit")
        return Outcome(Status.OUTPUT_LIMIT, None, "output limit exceeded", "wasmtime:fd_write")
    if state.stop == "exit":
        code = state.exit_code
        if code == 0:
            return Outcome(Status.OK, 0)
        if code == 2 and _out_of_memory(state):
            return Outcome(Status.MEMORY_LIMIT, code, "", "wasmtime:memory_limit")
        if code > 255:  # as a native process reports it (the low byte), saying what was asked
            asked = code - (1 << 32) if code >= 1 << 31 else code
            return Outcome(Status.ERROR, code & 0xFF, f"exit status {asked} (reported modulo 256)")
        return Outcome(Status.ERROR, code)
    if exc is None:
        return Outcome(Status.OK, 0)
    if isinstance(exc, wasmtime.Trap) and _STOP_TRAP.decode() in str(exc):
        return Outcome(Status.ERROR, None, "stopped by the host", "wasmtime:host")
    if isinstance(exc, wasmtime.Trap):
        code = exc.trap_code
        if code is None:
            return Outcome(Status.ERROR, None, "wasm trap", "wasmtime:trap")
        status, text = TRAP_STATUS[code.name]
        return Outcome(status, None, f"wasm trap: {text}", f"wasmtime:trap:{code.name.lower()}")
    if isinstance(exc, wasmtime.WasmtimeError):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "wasmtime error"
        if "memory" in first and ("limit" in first or "exceeds" in first):
            return Outcome(Status.MEMORY_LIMIT, None, "memory limit exceeded at start", "wasmtime:memory_limit")
        first = re.sub(r"(?<![\w.])/(?:[\w.+-]+/)+", "", first)
        return Outcome(Status.ERROR, None, f"wasmtime: {first}", "wasmtime:error")
    if isinstance(exc, _Stop):
        return Outcome(Status.ERROR, None, "stopped by the host", "wasmtime:host")
    return Outcome(Status.ERROR, None, f"internal error: {type(exc).__name__}", "sandboxes:internal")


# --------------------------------------------------------------------------- running one module

def _set_stdin(wasi: wasmtime.WasiConfig, data: bytes) -> None:
    vec = ffi.wasm_byte_vec_t()
    buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data) if data else None
    ffi.wasm_byte_vec_new(ctypes.byref(vec), len(data), buf)
    ffi.wasi_config_set_stdin_bytes(wasi.ptr(), ctypes.byref(vec))  # takes ownership of vec


@dataclass(frozen=True)
class RunOutput:
    outcome: Outcome
    stdout: bytes
    stderr: bytes
    fs_denied: str = ""  # the first path_* function the guest called, answered EPERM
    cpu_s: float = 0.0  # CPU time of the thread that ran the guest (its wasm code and our host shims)


def run_module(tier: str, module: wasmtime.Module, *, stdin: bytes, env: tuple[tuple[str, str], ...],
               memory_bytes: int | None, max_output: int | None, deadline: float) -> RunOutput:
    """Instantiate ``module`` in a fresh store and run ``_start`` until exit, trap or deadline."""
    eng = engines()
    engine, linker, slots = eng.engines[tier], eng.linkers[tier], eng.slots[tier]
    state = RunState(deadline=deadline, max_output=max_output, memory_limit=memory_bytes)
    if not slots.acquire(timeout=max(deadline - time.monotonic(), 0.0) if deadline != math.inf else None):
        return RunOutput(Outcome(Status.TIMEOUT, None, "time limit exceeded (waiting for a free slot)",
                                 "wasmtime:pool"), b"", b"")
    try:
        return _GUEST_THREADS.call(
            lambda: _run_in_slot(engine, linker, state, module, stdin=stdin, env=env))
    finally:
        slots.release()


def _run_in_slot(engine: wasmtime.Engine, linker: wasmtime.Linker, state: RunState,
                 module: wasmtime.Module, *, stdin: bytes, env: tuple[tuple[str, str], ...]) -> RunOutput:
    def start(store: wasmtime.Store) -> None:
        instance = linker.instantiate(store, module)
        try:
            func = instance.exports(store)["_start"]
            assert isinstance(func, wasmtime.Func)
            func(store)
        finally:
            if _GO_OOM.search(state.stderr):  # only an out-of-memory verdict needs it
                mem = instance.exports(store).get("memory")
                if isinstance(mem, wasmtime.Memory):
                    state.final_memory = mem.data_len(store)

    cpu = time.thread_time()
    outcome, store = run_guest(engine, state, start, argv=["main"], env=env, stdin=stdin)
    cpu = time.thread_time() - cpu
    store.close()
    return RunOutput(outcome, bytes(state.stdout), bytes(state.stderr), state.fs_denied, cpu)


def _epoch_ticks(seconds: float) -> int:
    """Epoch ticks from now until ``seconds`` from now (at least one; no deadline: practically never)."""
    return max(1, int(seconds / TICK_S) + 1) if seconds != math.inf else 1 << 62


def run_guest(engine: wasmtime.Engine, state: RunState, body: Callable[[wasmtime.Store], None], *,
              argv: list[str], env: Sequence[tuple[str, str]], stdin: bytes | None = None
              ) -> tuple[Outcome, wasmtime.Store]:
    """Run guest code (``body``, given a fresh store) under ``state``'s limits; how it ended, and the store.

    The one store set-up of every wasmtime run (Go's and the wasm Python engine's): the store's memory
    limit, a WASI context (``argv``, ``env``, no preopened directory; ``stdin`` as its bytes, or none when
    the module's ``fd_read`` is ours), the epoch deadline and the ticker, the run's state for our host
    functions, and the caller's control (``_control.current()``): a cancel wakes a sleeping guest and,
    checked every CANCEL_CHECK_TICKS by the epoch callback, stops a running one; written output streams
    to a caller who asked. ``body`` instantiates and calls; whatever it raises (the guest's exit, a trap,
    our ``_Stop``) is the run's ending, translated here. The caller closes the store once it is done
    with it (``body`` may have kept what it needs of the instance).
    """
    store = wasmtime.Store(engine)
    if state.memory_limit is not None:
        store.set_limits(memory_size=state.memory_limit)
    wasi = wasmtime.WasiConfig()
    wasi.argv = argv
    wasi.env = [list(p) for p in env]
    if stdin is not None:
        _set_stdin(wasi, stdin)
    store.set_wasi(wasi)
    exc: BaseException | None = None
    control = _control.current()
    uncancel = None
    if control is not None:
        state.wake = threading.Event()
        uncancel = control.on_cancel(state.wake.set)
        if control.streaming:
            state.control = control
        ffi.wasmtime_store_epoch_deadline_callback(store.ptr(), _on_epoch, None, _no_finalizer)
    ticker = engines()
    ticker.acquire()
    _current.state = state
    _current.host_error = None
    try:
        remaining = state.deadline - time.monotonic()
        ticks = _epoch_ticks(remaining)
        store.set_epoch_deadline(ticks if control is None else min(ticks, CANCEL_CHECK_TICKS))
        if state.wake is not None and state.wake.is_set():
            state.stop = "cancelled"
        elif remaining <= 0:
            state.stop = "timeout"
        else:
            try:
                body(store)
            except BaseException as e:  # the guest's exit, trap or our _Stop: all become data
                exc = e
    finally:
        _current.state = None
        ticker.release()
        if uncancel is not None:
            uncancel()
    if _current.host_error is not None:  # a shim of ours failed: report that, not the trap it became
        exc, _current.host_error = _current.host_error, None
    outcome = translate(exc, state)
    # Every run ends in an exception (proc_exit stops the guest), whose traceback holds this frame
    # and with it the store and its linear memory, in a cycle only the garbage collector would
    # break: runs would keep their memory until it ran. Break it.
    seen = 0
    while exc is not None and seen < 8:  # the exception, and what it was raised while handling
        traceback.clear_frames(exc.__traceback__)
        exc, seen = exc.__context__ or exc.__cause__, seen + 1
    exc = None
    return outcome, store


# --------------------------------------------------------------------------- cache keys

def cache_key(source: str, tier: str, toolchain_fingerprint: str) -> str:
    h = hashlib.sha256()
    for part in (source, tier, toolchain_fingerprint, engines().settings):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:40]


__all__ = ["Outcome", "RunOutput", "RunState", "TRAP_STATUS", "TIERS", "cache_key", "engines", "run_guest",
           "run_module", "translate", "wasmtime_version"]
