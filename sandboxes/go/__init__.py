"""The Go runtime: ``package main`` programs built for ``GOOS=wasip1 GOARCH=wasm`` and run in wasmtime.

Layers, in order: a token-level policy check (package allowlist, compiler
directives), a build with a pinned local toolchain in an empty directory and a
scratch environment, then wasmtime with no preopened directories, no sockets,
no host environment, a memory limit and an epoch deadline.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ._runtime import GoRuntime

__all__ = ["GoRuntime", "warmup"]


def warmup(policy: Any = None, *, timeout_s: float = 600.0) -> dict[str, Any]:
    """Pre-build the standard library for wasip1 and start the engines.

    The first build with an empty Go build cache takes several seconds (the
    whole standard library for wasip1); afterwards a build takes about 0.1 s.
    Builds one program importing every allowed package, compiles it once, and
    returns a short summary.
    """
    from ..policy import resolve_policy
    from ._toolchain import Toolchain, default_cache_dir
    from ._wasm import compile_async, engines, wasmtime_version

    gopol = resolve_policy(policy).go
    root = Path(gopol.cache_dir).expanduser() if gopol.cache_dir else default_cache_dir()
    tc = Toolchain(root, gopol.go_binary)
    imports = "".join(f'\t_ "{p}"\n' for p in sorted(gopol.packages))
    source = f"package main\n\nimport (\n{imports})\n\nfunc main() {{}}\n"
    t0 = time.monotonic()
    built = tc.build(source, timeout_s=timeout_s, memory_mb=gopol.build_memory_mb)
    build_s = time.monotonic() - t0
    summary: dict[str, Any] = {
        "go": tc.version,
        "wasmtime": wasmtime_version(),
        "packages": len(gopol.packages),
        "build": built.status,
        "build_s": round(build_s, 3),
        "cache_dir": str(root),
    }
    if built.wasm is not None:
        engines()
        t1 = time.monotonic()
        compile_async("quick", built.wasm).result()
        summary["compile_s"] = round(time.monotonic() - t1, 3)
    else:
        summary["message"] = built.message.strip()[:500]
    return summary
