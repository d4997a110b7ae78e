"""The Go runtime: ``package main`` programs built for ``GOOS=wasip1 GOARCH=wasm`` and run in wasmtime.

Layers, in order: a token-level policy check (package allowlist, compiler
directives), a build with a pinned local toolchain in an empty directory and a
scratch environment, then wasmtime with no preopened directories, no sockets,
no host environment, a memory limit and an epoch deadline.
"""

from __future__ import annotations

import time
from typing import Any

from ._runtime import GoRuntime

__all__ = ["GoRuntime", "cache_status", "warmup"]


def cache_status(policy: Any = None) -> tuple[bool, str]:
    """Whether the Go cache directory of ``policy`` is usable: ``(True, path)`` or ``(False, why)``."""
    from ..errors import RuntimeUnavailableError
    from ..policy import resolve_policy
    from ._toolchain import cache_root, check_cache_dir

    try:
        root = cache_root(resolve_policy(policy).go.cache_dir)
        check_cache_dir(root)
    except RuntimeUnavailableError as e:
        return False, str(e)
    return True, str(root)


def warmup(policy: Any = None, *, timeout_s: float | None = None) -> dict[str, Any]:
    """Build the standard library for wasip1 now (once per cache directory) and check the compilers.

    On first use of Go the same build starts by itself in the background (11-16 s on 2 idle
    cores with an empty cache, a minute or more under load), and a new program waits for it
    within its compile budget; ``sandboxes warmup`` does it ahead of time. Then one small
    program is built and compiled by the module compiler process, and a summary is returned.
    Raises ``RuntimeUnavailableError`` when the toolchain or the cache directory is unusable.
    """
    from ..policy import resolve_policy
    from ._compile import compile_module
    from ._toolchain import STDLIB_TIMEOUT_S, Toolchain, cache_root
    from ._wasm import engines, wasmtime_version

    gopol = resolve_policy(policy).go
    root = cache_root(gopol.cache_dir)
    tc = Toolchain(root, gopol.go_binary)
    tc.build_cache_bytes = gopol.build_cache_mb << 20
    t0 = time.monotonic()
    stdlib = tc.start_stdlib(gopol.packages, gopol.build_memory_mb)
    stdlib.wait(t0 + (timeout_s if timeout_s is not None else STDLIB_TIMEOUT_S))
    status = stdlib.status if stdlib.done.is_set() else "timeout"
    summary: dict[str, Any] = {
        "go": tc.version,
        "wasmtime": wasmtime_version(),
        "packages": len(gopol.packages),
        "build": status,
        "build_s": round(time.monotonic() - t0, 3),
        "cache_dir": str(root),
    }
    if status != "ok":
        summary["message"] = stdlib.message or "the standard-library build did not finish in time"
        return summary
    built = tc.build('package main\n\nfunc main() {}\n', timeout_s=gopol.compile_timeout_s,
                     memory_mb=gopol.build_memory_mb)
    if built.wasm is None:
        summary["build"], summary["message"] = built.status, built.message.strip()[:500]
        return summary
    engines()
    t1 = time.monotonic()
    compiled = compile_module("quick", built.wasm, deadline=t1 + gopol.compile_timeout_s,
                              memory_mb=gopol.build_memory_mb, tmp_root=tc.tmp_root)
    summary["compile"] = compiled.status
    summary["compile_s"] = round(time.monotonic() - t1, 3)
    if compiled.status != "ok":
        summary["message"] = compiled.message or f"the module compiler ended with {compiled.status}"
    return summary
