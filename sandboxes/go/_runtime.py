"""``GoRuntime``: check, build to wasip1, compile (cached), run in wasmtime."""

from __future__ import annotations

import concurrent.futures
import math
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..errors import ClosedError
from ..policy import GoPolicy, Limits
from ..result import Result, Status, Violation
from ._check import check_source
from .._lifecycle import Closeable


class GoRuntime(Closeable):
    """Go programs (``package main``) built for ``GOOS=wasip1`` and run in wasmtime.

    Construction is cheap: the toolchain, the engines and the cache are set up
    on the first run.
    """

    name = "go"

    def __init__(self, policy: GoPolicy) -> None:
        self.policy = policy
        self._lock = threading.Lock()
        self._closed = False
        self._toolchain: Any = None
        self._cache: Any = None
        self._upgrading: set[str] = set()
        self._heat: OrderedDict[str, list[float]] = OrderedDict()  # quick-tier key -> [runs, seconds run]
        self._inflight: dict[str, concurrent.futures.Future[Any]] = {}  # quick compiles still running

    # -- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        """Drop compiled modules and the on-disk spill directory. Idempotent."""
        with self._lock:
            self._closed = True
            cache, self._cache = self._cache, None
        if cache is not None:
            cache.close()


    def _setup(self) -> tuple[Any, Any]:
        with self._lock:
            if self._closed:
                raise ClosedError("this GoRuntime is closed")
            if self._toolchain is None:
                from ._toolchain import Toolchain, default_cache_dir
                from ._wasm import ModuleCache

                root = Path(self.policy.cache_dir).expanduser() if self.policy.cache_dir else default_cache_dir()
                tc = Toolchain(root, self.policy.go_binary)
                tc.version  # noqa: B018 - fail early if the toolchain is unusable
                self._cache = ModuleCache(root / "modules", self.policy.cache_entries)
                self._toolchain = tc
            return self._toolchain, self._cache

    # -- public --------------------------------------------------------------
    def check(self, code: str) -> list[Violation]:
        """Import allowlist, directives and ``package main``; no compilation."""
        if self._closed:
            raise ClosedError("this GoRuntime is closed")
        return check_source(code, self.policy.packages)

    def run(self, code: str, *, stdin: str, limits: Limits) -> Result:
        t0 = time.monotonic()
        deadline = t0 + limits.timeout_s if limits.timeout_s is not None else math.inf
        violations = self.check(code)
        if violations:
            return Result("go", Status.VIOLATION, stderr="".join(
                              f"main.go:{v.line}: {v.detail}\n" if v.line else f"main.go: {v.detail}\n" for v in violations),
                          violations=tuple(violations), extra={"stopped_by": "policy", "stop_detail": "go check"})
        toolchain, cache = self._setup()
        from . import _wasm

        extra: dict[str, Any] = {}
        key_q = _wasm.cache_key(code, "quick", toolchain.fingerprint())
        key_o = _wasm.cache_key(code, "optimized", toolchain.fingerprint())
        hit = cache.get(key_o) or cache.get(key_q)
        wasm = None
        if hit is not None:
            tier, module, wasm, where = hit
            extra["cache"] = where
        else:
            extra["cache"] = "miss"
            with self._lock:
                pending = self._inflight.get(key_q)
            if pending is not None:
                # The same program is being compiled (e.g. a run that timed out during
                # compilation, or a concurrent run): wait for it instead of redoing it.
                extra["cache"] = "inflight"
                try:
                    module = pending.result(timeout=max(deadline - time.monotonic(), 0.0)
                                            if deadline != math.inf else None)
                except concurrent.futures.TimeoutError:
                    return Result("go", Status.TIMEOUT, stderr="module compilation exceeded the time limit\n",
                                  extra={**extra, "stopped_by": "wasmtime", "stop_detail": "compile timeout"})
                except Exception:
                    pending = None
                else:
                    tier = "quick"
            if pending is None:
                built_module = self._build_and_compile(code, key_q, toolchain, deadline, extra)
                if isinstance(built_module, Result):
                    return built_module
                tier, module = "quick", built_module
        extra["tier"] = tier

        memory = limits.memory_mb * 1024 * 1024 if limits.memory_mb is not None else None
        t_run = time.monotonic()
        out = _wasm.run_module(tier, module, stdin=stdin.encode("utf-8"), env=self.policy.env,
                               memory_bytes=memory, max_output=limits.max_output_bytes, deadline=deadline)
        if tier == "quick" and self._is_hot(key_q, time.monotonic() - t_run) and wasm is not None:
            self._upgrade(key_q, key_o, wasm)
        outcome = out.outcome
        stderr = out.stderr.decode("utf-8", "replace")
        if outcome.message:
            if stderr and not stderr.endswith("\n"):
                stderr += "\n"
            stderr += outcome.message + "\n"
        if outcome.stop_detail:
            extra["stopped_by"] = outcome.stop_detail.split(":", 1)[0]
            extra["stop_detail"] = outcome.stop_detail
        return Result("go", outcome.status, stdout=out.stdout.decode("utf-8", "replace"), stderr=stderr,
                      exit_code=outcome.exit_code, extra=extra)

    def _build_and_compile(self, code: str, key_q: str, toolchain: Any, deadline: float,
                           extra: dict[str, Any]) -> Any:
        """Build and compile (quick tier) a new program; a module, or the Result that ends the run."""
        from . import _wasm

        remaining = deadline - time.monotonic()
        build_timeout = min(self.policy.build_timeout_s, remaining)
        built = toolchain.build(code, timeout_s=build_timeout, memory_mb=self.policy.build_memory_mb)
        extra["build_s"] = round(built.seconds, 4)
        if built.status == "timeout":
            what = "the run's time limit" if build_timeout >= remaining else "build_timeout_s"
            return Result("go", Status.TIMEOUT, stderr=f"go build exceeded {what}\n",
                          extra={**extra, "stopped_by": "toolchain", "stop_detail": "go build timeout"})
        if built.status != "ok" or built.wasm is None:
            return Result("go", Status.COMPILE_ERROR, stderr=built.message, violations=built.violations,
                          exit_code=None, extra=extra)
        tier, wasm = "quick", built.wasm
        t1 = time.monotonic()
        future = _wasm.compile_async(tier, wasm)
        with self._lock:
            self._inflight[key_q] = future

        def finished(f: concurrent.futures.Future[Any]) -> None:
            self._store(key_q, tier, f, wasm, len(wasm))
            with self._lock:
                if self._inflight.get(key_q) is f:
                    del self._inflight[key_q]

        future.add_done_callback(finished)  # cached even when this caller stops waiting
        try:
            module = future.result(timeout=max(deadline - time.monotonic(), 0.0) if deadline != math.inf else None)
        except concurrent.futures.TimeoutError:
            # Cranelift cannot be interrupted: the result is kept for next time; answer now.
            return Result("go", Status.TIMEOUT, stderr="module compilation exceeded the time limit\n",
                          extra={**extra, "stopped_by": "wasmtime", "stop_detail": "compile timeout"})
        except Exception as e:  # invalid module: a toolchain/engine mismatch, not the guest's fault
            return Result("go", Status.ERROR, stderr=f"wasmtime could not compile the module: {type(e).__name__}\n",
                          extra={**extra, "stopped_by": "wasmtime", "stop_detail": "compile error"})
        extra["compile_s"] = round(time.monotonic() - t1, 4)
        return module

    # -- tiering -------------------------------------------------------------
    def _store(self, key: str, tier: str, future: concurrent.futures.Future[Any], wasm: bytes | None,
               wasm_len: int) -> None:
        if future.cancelled() or future.exception() is not None:
            return
        with self._lock:
            cache = self._cache
        if cache is not None:
            cache.put(key, tier, future.result(), wasm, wasm_len)

    # A program is recompiled optimized once it has run UPGRADE_RUNS times or UPGRADE_SECONDS in
    # all on the quick tier: the optimized compile costs about 0.8 s of CPU (on both cores), which
    # a program run a few times briefly (one submission, a few stdin cases) never pays back.
    UPGRADE_RUNS = 5
    UPGRADE_SECONDS = 0.2
    _HEAT_ENTRIES = 4096

    def _is_hot(self, key_q: str, seconds: float) -> bool:
        with self._lock:
            heat = self._heat.pop(key_q, None) or [0, 0.0]
            heat[0] += 1
            heat[1] += seconds
            self._heat[key_q] = heat
            if len(self._heat) > self._HEAT_ENTRIES:
                self._heat.popitem(last=False)
            return heat[0] >= self.UPGRADE_RUNS or heat[1] >= self.UPGRADE_SECONDS

    def _upgrade(self, key_q: str, key_o: str, wasm: bytes) -> None:
        """A quick-tier module is being reused: recompile it optimized, in the background."""
        from . import _wasm

        with self._lock:
            if key_o in self._upgrading or self._closed:
                return
            self._upgrading.add(key_o)

        def done(f: concurrent.futures.Future[Any]) -> None:
            self._store(key_o, "optimized", f, None, len(wasm))
            with self._lock:
                self._upgrading.discard(key_o)
                cache = self._cache
            if cache is not None and not f.cancelled() and f.exception() is None:
                cache.drop(key_q)

        _wasm.compile_async("optimized", wasm).add_done_callback(done)
