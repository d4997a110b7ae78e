"""Our Wizer-like pre-initialisation of the package's CPython, written in Python.

1. ``python.wasm`` (a WASI reactor) is instrumented: one export per defined global
   (``_binary.with_exports``), so the host can read them afterwards.
2. It is compiled and instantiated once, under the same host functions as every run (our
   read-only file system, no preopened host directory); ``_initialize`` (wasi-libc's
   constructors) and ``wizer.initialize`` (the interpreter's start-up) run, then one ``turn``
   imports ``INIT_MODULES`` (numpy, pandas and the standard modules they pull in).
3. Linear memory and every global are read, and a new module is emitted from the *original*
   bytes (``_binary.snapshot``): its data section is the memory image (runs of non-zero bytes),
   its memory starts at the size it had, its mutable globals start at the values they had, and
   its ``_initialize`` export is gone. The code section is unchanged, byte for byte.

wasmtime maps a module's data segments copy-on-write into each new instance's memory (a memory
image built at compile time), so a run starts from the initialised interpreter without copying
it: the pages a run writes are its own, and every store is dropped after its run.

Two things of the snapshot are shared by every run, by construction: the hash secret (string
hashes and set order are the same in every run, as under a fixed ``PYTHONHASHSEED``), and the
seeds of the ``random`` and ``numpy.random`` global generators, which every run's ``python -c``
main (the reactor's ``_reactor.run``, its ``_refresh``) reseeds from fresh entropy (``random_get``)
before the program starts: ``random`` with ``seed()``, ``numpy.random`` by setting the state ``seed()``
would leave from fresh words directly (``FAST_RESEED``).
"""

from __future__ import annotations

import time
from typing import Any

import wasmtime

from . import _binary, _engine, _fs

RECIPE = 4  # bump when anything below changes what the snapshot holds
# numpy and pandas (half a second of imports natively), and the standard modules that judge-style
# and code-interpreter programs import first; each run finds them imported, as a warm interpreter
# would, and their module state is the snapshot's (the global generators are reseeded per run).
INIT_MODULES = ("numpy", "pandas", "collections", "itertools", "functools", "heapq", "bisect", "math", "re",
                "json", "string", "typing", "dataclasses", "datetime", "decimal", "fractions", "statistics",
                "copy", "operator", "enum", "textwrap", "io", "array", "struct", "csv", "pprint",
                "unicodedata", "contextlib", "traceback", "linecache", "asyncio")
# gc.freeze() after a full collection moves every object of the snapshot into the permanent
# generation: a run's collections never traverse (nor write the headers of, nor un-share the
# copy-on-write pages of) the ~50,000 objects numpy and pandas leave; a full collection over them
# costs hundreds of milliseconds in a fresh instance.
# (Statements only: a turn echoes the value of an expression statement, as the REPL does.)
# asyncio's event loops make a "self-pipe" (socket.socketpair) to be woken from other threads and
# signal handlers; wasm32-wasip1 has neither sockets nor threads nor signals, so asyncio.run()
# failed in every run. The loop's three self-pipe methods become no-ops when there is no pipe
# (timers and I/O readiness still go through the selector, i.e. poll_oneoff, bounded by the run's
# deadline); everything else of asyncio is CPython's.
ASYNCIO_PATCH = """
import asyncio.selector_events as _se
_B = _se.BaseSelectorEventLoop
def _sbx_self_pipe(orig, make):
    def method(self):
        if make:
            self._ssock = self._csock = None
        elif self._ssock is not None:
            orig(self)
    method.__name__, method.__qualname__ = orig.__name__, orig.__qualname__
    return method
_B._make_self_pipe = _sbx_self_pipe(_B._make_self_pipe, True)
_B._close_self_pipe = _sbx_self_pipe(_B._close_self_pipe, False)
_B._write_to_self = _sbx_self_pipe(_B._write_to_self, False)
del _se, _B, _sbx_self_pipe
"""
# What a run's turn calls (``_runtime._TURN``), bound once here so that the turn's own source (which the
# reactor parses, converts to an AST object tree and compiles in every run) is one short line. They live
# on the reactor's module because every turn runs in a fresh ``__main__``: a name the snapshot's turn
# defines is gone by the next. ``_sbx_begin`` drops the turn's own linecache entry and gives the argv
# of ``python -c``; ``_sbx_end`` runs the atexit handlers (as at the end of ``python -c``: the
# reactor's main does not run them), flushes, and exits with the program's status. ``atexit`` and
# ``sys.exit`` are bound here: a program that replaces ``sys.exit`` still gets its own status.
TURN_HELPERS = f"""
import _reactor as _r, atexit as _ae, linecache as _lc, sys as _s
def _sbx_begin(code, _lc=_lc):
    _lc._interactive_cache.clear()
    return [{_engine.ARGV0!r}, '-c', code]
def _sbx_end(rc, _exitfuncs=_ae._run_exitfuncs, _sys=_s, _exit=_s.exit):
    _exitfuncs()
    _sys.stdout.flush()
    _sys.stderr.flush()
    _exit(rc)
_r._sbx_begin, _r._sbx_end = _sbx_begin, _sbx_end
del _r, _ae, _lc, _s, _sbx_begin, _sbx_end
"""
# The reactor's per-run ``_refresh`` reseeds ``numpy.random``'s global generator with ``seed()``: a
# SeedSequence of fresh entropy hashed into 624 words (0.85 ms in a fresh instance, a third of a
# print(1) run). ``_sbx_refresh`` runs the reactor's own ``_refresh`` for everything else (``random``,
# logging's start time, zoneinfo, the streams) with ``numpy.random`` out of its sight, then gives the
# generator the state ``seed()`` leaves, drawn from fresh entropy directly (random_get): key[0]
# 0x80000000 and 623 random words, position 623, no cached gauss (``np.random.get_state()`` after
# ``seed()``); a program's own ``seed(...)`` is numpy's, untouched. ``_reactor.run`` calls ``_refresh``
# by its global name.
FAST_RESEED = """
import _reactor as _r, sys as _s, os as _os, numpy as _np
def _sbx_refresh(unbuffered, _orig=_r._refresh, _mods=_s.modules, _urandom=_os.urandom,
                 _frombuffer=_np.frombuffer, _u32=_np.uint32):
    nprand = _mods.pop('numpy.random', None)
    try:
        _orig(unbuffered)
    finally:
        if nprand is not None:
            _mods['numpy.random'] = nprand
    if nprand is not None:
        key = bytearray(_urandom(2496))
        key[0:4] = b'\\x00\\x00\\x00\\x80'
        nprand.set_state(('MT19937', _frombuffer(key, _u32), 623, 0, 0.0))
_r._refresh = _sbx_refresh
del _r, _s, _os, _np, _sbx_refresh
"""
# One run of an empty program through the reactor's `python -c` main, as every run's turn makes it: what
# a first run in an instance does once (the bytecode's specialisation, the type attribute cache, lazily
# filled caches of the code it runs: _refresh's reseeds, zoneinfo's TZPATH, the new streams) is then in
# the image instead of being redone by every run (print(1) in a fresh instance: 3.15 -> 2.59 ms p50,
# BENCHMARKS.md "Python on WebAssembly"). What it sets that a program could see, each run's own
# `_reactor.run` sets again before the program starts: os.environ, sys.argv and orig_argv, the
# streams, __main__, the generators' seeds, logging's start time, zoneinfo's search path; its
# linecache entry is dropped by `_sbx_begin`.
WARM_UP = f"""
_rc = __import__('_reactor').run([{_engine.ARGV0!r}, '-c', 'pass'], {{}})
if _rc != 0:
    raise RuntimeError(f'the warm-up run of python -c returned {{_rc}}')
del _rc
"""
INIT_CODE = ("import gc as _gc\n"
             + "".join(f"_m = __import__({m!r})\n" for m in INIT_MODULES)
             + ASYNCIO_PATCH
             + TURN_HELPERS
             + FAST_RESEED
             + WARM_UP
             + "_n = _gc.collect()\n_gc.freeze()\ndel _m, _n, _gc\n")


class SnapshotError(RuntimeError):
    pass


def instrumented(original: bytes) -> tuple[_binary.Module, bytes]:
    mod = _binary.parse(original)
    return mod, _binary.with_exports(mod, _binary.global_export_names(mod))


def initialise(module: wasmtime.Module, parsed: _binary.Module, tree: _fs.Tree, *,
               engine: wasmtime.Engine, timeout_s: float = 600.0) -> tuple[bytes, int, list[Any], str]:
    """Run the interpreter's start-up and ``INIT_CODE`` in ``module`` (the instrumented one).

    Returns (memory image, pages, global values, the guest's stderr). Runs on a big-stack thread.
    """
    return _engine.on_big_stack(lambda: _initialise(module, parsed, tree, engine=engine, timeout_s=timeout_s))


def _initialise(module: wasmtime.Module, parsed: _binary.Module, tree: _fs.Tree, *, engine: wasmtime.Engine,
                timeout_s: float) -> tuple[bytes, int, list[Any], str]:
    from ...go import _wasm as gw

    linker = _engine.make_linker(engine, module)
    deadline = time.monotonic() + timeout_s
    state = _fs.new_state(tree, stdin=b"", deadline=deadline, max_output=1 << 20, memory_limit=None)
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = [_engine.ARGV0]
    store.set_wasi(wasi)
    ticker = gw.engines()
    ticker.acquire()
    gw._current.state = state
    gw._current.host_error = None
    try:
        store.set_epoch_deadline(int(timeout_s / gw.TICK_S) + 1)
        exports = linker.instantiate(store, module).exports(store)
        for name in ("_initialize", "wizer.initialize"):
            fn = exports.get(name)
            if isinstance(fn, wasmtime.Func):
                fn(store)
        try:
            value = _engine._turn(exports, store, INIT_CODE.encode())
        except MemoryError as e:
            raise SnapshotError(f"the interpreter could not allocate the start-up code: {e}") from None
        memory = exports["memory"]
        assert isinstance(memory, wasmtime.Memory)
        if state.stop is not None or gw._current.host_error is not None:
            raise SnapshotError(f"start-up stopped ({state.stop}): {bytes(state.stderr)[-2000:].decode('utf-8', 'replace')}")
        if bytes(state.stderr).strip():
            raise SnapshotError(f"start-up wrote to stderr (turn returned {value}): "
                                f"{bytes(state.stderr)[-2000:].decode('utf-8', 'replace')}")
        size = memory.data_len(store)
        image = bytes(memory.read(store, 0, size))
        values: list[Any] = []
        for i in range(len(parsed.globals)):
            g = exports[f"__sbx_global_{i}"]
            assert isinstance(g, wasmtime.Global)
            v = g.value(store)
            values.append(v)
        if parsed.globals and parsed.globals[0][1] and values[0] != _binary_const(parsed.globals[0][2]):
            raise SnapshotError("the stack pointer did not return to its start after initialisation")
        return image, size // _binary.PAGE, values, bytes(state.stderr).decode("utf-8", "replace")
    finally:
        gw._current.state = None
        ticker.release()
        store.close()


def _binary_const(expr: bytes) -> int | None:
    if expr[:1] == b"\x41":
        return _binary.Reader(expr, 1).s()
    return None


def build(original: bytes, image: bytes, pages: int, values: list[Any]) -> bytes:
    return _binary.snapshot(_binary.parse(original), memory=image, pages=pages, globals_=values)


__all__ = ["FAST_RESEED", "INIT_CODE", "INIT_MODULES", "RECIPE", "TURN_HELPERS", "WARM_UP", "SnapshotError", "build", "initialise",
           "instrumented"]
