"""The wasm Python engine's wasmtime side: one engine, our WASI host functions, one run.

The engine differs from Go's in what CPython needs: wasm exception handling (the package's
CPython is built with it) and an 8 MiB wasm stack (deep C recursion in the interpreter), which
wasmtime only allows with an async stack at least as large, and which a thread must have: every
run executes on one of our own threads with a 12 MiB stack (``_BigStack``), never the caller's
(the main thread's 8 MiB could be exhausted by wasm frames before wasmtime's own limit).

Everything else is Go's (``sandboxes.go._wasm``): the epoch ticker (our engine is added to its
list), ``RunState``, ``fd_write`` with the output cap, ``poll_oneoff`` bounded by the deadline,
``proc_exit``, and ``translate``, the one place where how a run ended becomes a status. The file
system and stdin are ours (``_fs``).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import wasmtime
from wasmtime import _ffi as ffi

from ..._bigstack import BigStack, Deferred
from ...go import _wasm as gw
from ...result import Status
from . import _binary, _fs

log = logging.getLogger("sandboxes.python.wasm")

WASM_STACK = 8 << 20
# Unoptimised code (the quick tier) keeps every value of a frame on the stack: CPython's C recursion
# needs about three times the stack, so that its own RecursionError comes before a wasm stack overflow,
# as on the optimized tier (tests/attacks/python_wasm/test_deep_c_recursion.py on both).
QUICK_WASM_STACK = 24 << 20
THREAD_STACK = 28 << 20  # the run threads' native stack, which wasm code runs on: above either tier's
OPT_LEVEL = "speed"
# python.wasm_tier: how the snapshot is compiled. "optimized" (Cranelift at opt_level speed: the fast
# code) or "quick" (no optimisation and the single-pass register allocator, as Go's quick tier: a fresh
# machine's whole build took 45 s instead of 160 s on 2 idle cores, the code runs slower),
# for a short-lived process or machine that pays the build once and runs little (a CI job).
_TIERS = {  # tier -> (Cranelift opt_level, single-pass register allocation, max wasm stack)
    "optimized": (OPT_LEVEL, False, WASM_STACK),
    "quick": ("none", True, QUICK_WASM_STACK),
}
TIERS = tuple(_TIERS)


def config(opt_level: str = OPT_LEVEL, *, single_pass: bool = False, wasm_stack: int = WASM_STACK) -> wasmtime.Config:
    cfg = wasmtime.Config()
    cfg.epoch_interruption = True
    cfg.wasm_exceptions = True
    cfg.parallel_compilation = True
    cfg.cranelift_opt_level = opt_level
    gw.set_wasm_stack(cfg, wasm_stack)
    if single_pass:
        cfg.cranelift_flag_set("regalloc_algorithm", "single_pass")
    return cfg


def _tier(tier: str) -> tuple[str, bool, int]:
    try:
        return _TIERS[tier]
    except KeyError:
        raise ValueError(f"unknown wasm tier {tier!r}: one of {', '.join(TIERS)}") from None


def tier_config(tier: str) -> wasmtime.Config:
    opt, single_pass, stack = _tier(tier)
    return config(opt, single_pass=single_pass, wasm_stack=stack)


def settings(tier: str) -> str:
    """What the compiled code depends on besides the module (part of the cache key)."""
    opt, single_pass, stack = _tier(tier)
    opt += "|single_pass" * single_pass
    return f"exceptions|stack={stack}|opt={opt}|epoch|wasmtime={gw.wasmtime_version()}"

_engines: dict[str, wasmtime.Engine] = {}
_engine_lock = threading.Lock()


def engine(tier: str = "optimized") -> wasmtime.Engine:
    """The process's engine for wasm Python of a tier, ticked by the Go engine's epoch thread."""
    with _engine_lock:
        eng = _engines.get(tier)
        if eng is None:
            eng = _engines[tier] = wasmtime.Engine(tier_config(tier))
            gw.engines().extra.append(eng)
        return eng


class startup_engine:
    """An unoptimised engine for the snapshot build's first module, which runs once (the start-up).

    Cranelift without optimisation and with the single-pass register allocator (Go's quick tier)
    compiles the ~75 MB of code much faster; what it
    computes is the same (the memory image does not depend on how the code was compiled). It is
    on the epoch ticker while the build uses it (``with startup_engine() as eng``).
    """

    def __enter__(self) -> wasmtime.Engine:
        self.engine = wasmtime.Engine(tier_config("quick"))
        gw.engines().extra.append(self.engine)
        return self.engine

    def __exit__(self, *exc: object) -> None:
        gw.engines().extra.remove(self.engine)
        del self.engine


# --------------------------------------------------------------------------- host functions

def _raw(func: Callable[..., int | None], kinds: list[str], has_result: bool) -> Any:
    """An unchecked host function: arguments read straight from wasmtime's raw values (as Go's).

    Every argument arrives unsigned, as WASI types them (an i32 is a u32 pointer, size, descriptor
    or flag set; an i64 a u64 size, offset, cookie, timestamp or rights): read signed, a pointer
    above 2 GiB of linear memory would be negative. ``fd_seek``'s offset, WASI's one signed
    parameter (``filedelta``), is converted there.
    """
    getters = [(i, 0xFFFFFFFFFFFFFFFF if k == "i64" else 0xFFFFFFFF) for i, k in enumerate(kinds)]

    @ffi.wasmtime_func_unchecked_callback_t
    def callback(env: Any, caller: Any, args: Any, nargs: int) -> int:
        try:
            res = func(caller, *[(args[i].i64 if mask >> 32 else args[i].i32) & mask for i, mask in getters])
            if has_result:
                args[0].i32 = res
            return 0
        except gw._Stop:
            return gw._stop_trap()
        except BaseException as e:  # noqa: BLE001 - a bug of ours: the run reports it, the host survives
            gw._current.host_error = e
            return gw._stop_trap()

    return callback


def _host_call(caller: Any, *args: int) -> int:
    """The package's ``host.call`` door (its tool protocol): no host here, always refused."""
    gw._state()
    return -1


_CALLBACKS: list[Any] = []  # kept alive for the life of the process: linkers hold raw pointers


def make_linker(eng: wasmtime.Engine, module: wasmtime.Module) -> wasmtime.Linker:
    """wasmtime's WASI for args, environment, clocks and random; ours for every descriptor and path."""
    linker = wasmtime.Linker(eng)
    linker.allow_shadowing = True
    linker.define_wasi()
    for imp in module.imports:
        ty = imp.type
        if not isinstance(ty, wasmtime.FuncType):
            raise RuntimeError(f"unexpected import {imp.module}.{imp.name}")
        if imp.module == gw.WASI and imp.name in _fs.HANDLERS:
            func = _fs.HANDLERS[imp.name]
        elif imp.module == "host":
            func = _host_call
        else:
            continue  # args, environ, clocks, random_get, sched_yield, proc_raise: wasmtime's
        kinds = [str(p) for p in ty.params]
        results = [str(r) for r in ty.results]
        if any(k not in ("i32", "i64") for k in kinds) or results not in ([], ["i32"]):
            raise RuntimeError(f"unexpected signature of {imp.module}.{imp.name}")
        cb = _raw(func, kinds, bool(results))
        _CALLBACKS.append(cb)
        mod, name = imp.module.encode(), (imp.name or "").encode()
        error = ffi.wasmtime_linker_define_func_unchecked(linker.ptr(), mod, len(mod), name, len(name), ty.ptr(),
                                                          cb, None, gw._no_finalizer)
        if error:
            raise wasmtime.WasmtimeError._from_ptr(error)
    linker.allow_shadowing = False
    return linker


# --------------------------------------------------------------------------- threads with a big stack

_pool = BigStack(THREAD_STACK, "sandboxes-pywasm", max_threads=16,
                 what="the wasm Python engine's clean-up after a run")


def on_big_stack(fn: Callable[[], Any]) -> Any:
    """``fn()`` on a thread with a big stack (``BigStack.call``): its value, or its ``Deferred``'s."""
    return _pool.call(fn)


def _after_fork_in_child() -> None:
    global _engine_lock
    _engine_lock = threading.Lock()


import os as _os  # noqa: E402

_os.register_at_fork(after_in_child=_after_fork_in_child)


# --------------------------------------------------------------------------- one run

ARGV0 = "/usr/local/bin/python.wasm"
# The last line of an uncaught MemoryError (CPython's, or a library's subclass such as numpy's
# ``numpy._core._exceptions._ArrayMemoryError: Unable to allocate ...``). The guest can print it:
# it is a memory_limit only when the host saw a growth of linear memory refused past the limit
# (``_binary.watch_growth``: the pages a failed memory.grow asked for, in a global no guest code
# writes). The parser's "stack overflowed" MemoryError is about the
# source's nesting, not memory: it stays an error, as CPython's SyntaxError for it would be.
_MEMORY_ERROR = re.compile(rb"(?:^|\n)(?:[A-Za-z_][\w.]*\.)?_?\w*MemoryError(?::[^\n]*)?\n?$")
_NOT_MEMORY = re.compile(rb"MemoryError: Parser stack overflowed[^\n]*\n?$")


@dataclass(frozen=True)
class RunOutput:
    outcome: gw.Outcome
    stdout: bytes
    stderr: bytes
    memory_bytes: int


def run(module: wasmtime.Module, linker: wasmtime.Linker, tree: _fs.Tree, *, source: bytes, stdin: bytes,
        env: list[tuple[str, str]], memory_bytes: int | None, max_output: int | None,
        deadline: float, tier: str = "optimized") -> RunOutput:
    """Instantiate ``module`` (compiled by ``engine(tier)``) in a fresh store and run ``source`` as one
    ``turn``, until exit, trap or deadline."""
    return on_big_stack(lambda: _run(module, linker, tree, source=source, stdin=stdin, env=env,
                                     memory_bytes=memory_bytes, max_output=max_output, deadline=deadline,
                                     tier=tier))


def _run(module: wasmtime.Module, linker: wasmtime.Linker, tree: _fs.Tree, *, source: bytes, stdin: bytes,
         env: list[tuple[str, str]], memory_bytes: int | None, max_output: int | None,
         deadline: float, tier: str) -> Deferred[RunOutput]:
    state = _fs.new_state(tree, stdin=stdin, deadline=deadline, max_output=max_output, memory_limit=memory_bytes)
    refused = 0

    def turn(store: wasmtime.Store) -> None:
        nonlocal refused
        exports = linker.instantiate(store, module).exports(store)  # one lookup of them per run
        exit_code: int | None = None
        try:
            exit_code = _turn(exports, store, source)
            if state.stop is None:
                state.stop, state.exit_code = "exit", int(exit_code) & 0xFFFFFFFF  # `run` returns the status
        finally:
            mem = exports.get("memory")
            if isinstance(mem, wasmtime.Memory):
                state.final_memory = mem.data_len(store)
            watch = exports.get(_binary.REFUSED_GROWTH_EXPORT) if exit_code != 0 else None
            if isinstance(watch, wasmtime.Global):
                refused = int(watch.value(store)) * _binary.PAGE

    outcome, store = gw.run_guest(engine(tier), state, turn, argv=[ARGV0], env=env)
    err_tail = bytes(state.stderr[-4096:])
    if outcome.status == Status.ERROR and outcome.exit_code == 1 and _MEMORY_ERROR.search(err_tail) \
            and not _NOT_MEMORY.search(err_tail) and refused > min(memory_bytes or gw._WASM32_MAX, gw._WASM32_MAX):
        # CPython's MemoryError, and the store's limit (or wasm32's 4 GiB) refused a growth
        outcome = gw.Outcome(Status.MEMORY_LIMIT, 1, "", "wasmtime:memory_limit")
    # The store (its instance, linear memory and the run's copy-on-write pages) is dropped right after the
    # caller has its result: unmapping them is ~0.2 ms of a print(1) run (BENCHMARKS.md). Nothing can run
    # in it any more (its only references are here), and the thread takes no other job before.
    return Deferred(RunOutput(outcome, bytes(state.stdout), bytes(state.stderr), state.final_memory), store.close)


def _turn(exports: Mapping[str, Any], store: wasmtime.Store, source: bytes) -> int:
    """The reactor's ``turn(ptr, len)``: ``source`` copied into a buffer the guest allocates."""
    ptr = call_export(exports, store, "host_alloc", len(source)) & 0xFFFFFFFF
    memory = exports["memory"]
    assert isinstance(memory, wasmtime.Memory)
    if not ptr or ptr + len(source) > memory.data_len(store):
        raise MemoryError("the guest could not allocate the program's source")
    memory.write(store, source, ptr)
    return int(call_export(exports, store, "turn", ptr, len(source)))


def call_export(exports: Mapping[str, Any], store: wasmtime.Store, name: str, *args: Any) -> Any:
    """Call export ``name`` of an instance; ``exports`` is its ``instance.exports(store)``, looked up
    once per run (wasmtime-py builds an object for every export of the module each time)."""
    fn = exports[name]
    assert isinstance(fn, wasmtime.Func)
    return fn(store, *args)


__all__ = ["RunOutput", "TIERS", "config", "engine", "settings", "tier_config", "make_linker", "on_big_stack", "run"]
