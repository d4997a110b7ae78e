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
seeds of the ``random`` and ``numpy.random`` global generators, which the run's prelude
(``PRELUDE``) reseeds from ``random_get`` before the program starts.
"""

from __future__ import annotations

import time
from typing import Any

import wasmtime

from . import _binary, _engine, _fs

RECIPE = 3  # bump when anything below changes what the snapshot holds
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
INIT_CODE = ("import gc as _gc\n"
             + "".join(f"_m = __import__({m!r})\n" for m in INIT_MODULES)
             + ASYNCIO_PATCH
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
        instance = linker.instantiate(store, module)
        exports = instance.exports(store)
        for name in ("_initialize", "wizer.initialize"):
            fn = exports.get(name)
            if isinstance(fn, wasmtime.Func):
                fn(store)
        code = INIT_CODE.encode()
        ptr = _engine.call_export(instance, store, "host_alloc", len(code)) & 0xFFFFFFFF
        memory = exports["memory"]
        assert isinstance(memory, wasmtime.Memory)
        if not ptr or ptr + len(code) > memory.data_len(store):
            raise SnapshotError("the interpreter could not allocate the start-up code")
        memory.write(store, code, ptr)
        value = _engine.call_export(instance, store, "turn", ptr, len(code))
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


__all__ = ["INIT_CODE", "INIT_MODULES", "RECIPE", "SnapshotError", "build", "initialise", "instrumented"]
