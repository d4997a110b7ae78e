"""``GoRuntime``: check, build to wasip1, compile (cached), run in wasmtime.

Budgets: compiling a new program (waiting for the one-off standard-library
build if it is still running, ``go build``, the module compile) is bounded by
``go.compile_timeout_s``; the program's run by the run's ``timeout_s``, counted
from when its module is ready. A call takes at most their sum. A cached
program (memory or disk) starts its run at once.
"""

from __future__ import annotations

import concurrent.futures
import logging
import math
import threading
import time
from collections import OrderedDict
from typing import Any

from .._lifecycle import Closeable
from ..errors import ClosedError
from ..policy import GoPolicy, Limits
from ..result import Result, Status, Violation
from ._check import check_source

log = logging.getLogger("sandboxes.go")


class GoRuntime(Closeable):
    """Go programs (``package main``) built for ``GOOS=wasip1`` and run in wasmtime.

    Construction is cheap: the toolchain, the engines and the cache are set up
    on the first run, which also starts the one-off standard-library build in
    the background.
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
        self._inflight: dict[str, concurrent.futures.Future[Any]] = {}  # new programs being compiled

    # -- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        """Drop compiled modules held in memory (the disk cache stays). Idempotent."""
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
                from ._cache import ModuleCache
                from ._toolchain import Toolchain, cache_root

                root = cache_root(self.policy.cache_dir)  # RuntimeUnavailableError: no usable directory
                tc = Toolchain(root, self.policy.go_binary)
                tc.version  # noqa: B018 - fail early if the toolchain is unusable
                tc.build_cache_bytes = self.policy.build_cache_mb << 20
                self._cache = ModuleCache(root / "modules", self.policy.cache_entries,
                                          disk_bytes=self.policy.module_cache_mb << 20)
                tc.start_stdlib(self.policy.packages, self.policy.build_memory_mb)
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
        wasm: bytes | None = None
        if hit is not None:
            tier, module, wasm, where = hit
            extra["cache"] = where
        else:
            extra["cache"] = "miss"
            got = self._new_program(code, key_q, toolchain, cache, t0 + self.policy.compile_timeout_s, extra)
            if isinstance(got, Result):
                return got
            tier, (module, wasm) = "quick", got
        extra["tier"] = tier

        memory = limits.memory_mb * 1024 * 1024 if limits.memory_mb is not None else None
        deadline = time.monotonic() + limits.timeout_s if limits.timeout_s is not None else math.inf
        out = _wasm.run_module(tier, module, stdin=stdin.encode("utf-8"), env=self.policy.env,
                               memory_bytes=memory, max_output=limits.max_output_bytes, deadline=deadline)
        if tier == "quick" and self._is_hot(key_q, out.cpu_s):
            self._upgrade(key_q, key_o, code, wasm)
        outcome = out.outcome
        stderr = out.stderr.decode("utf-8", "replace")
        if outcome.message:
            if stderr and not stderr.endswith("\n"):
                stderr += "\n"
            stderr += outcome.message + "\n"
        if out.fs_denied:
            # The guest tried the file system (all of it EPERM). Say why where a failed run is read;
            # a program that falls back to stdin and ends ok keeps its stderr as it wrote it.
            extra["file_system"] = f"denied ({out.fs_denied})"
            if outcome.status != Status.OK:
                if stderr and not stderr.endswith("\n"):
                    stderr += "\n"
                stderr += f"sandboxes: {_wasm.NO_FILE_SYSTEM}\n"
        if outcome.stop_detail:
            extra["stopped_by"] = outcome.stop_detail.split(":", 1)[0]
            extra["stop_detail"] = outcome.stop_detail
        return Result("go", outcome.status, stdout=out.stdout.decode("utf-8", "replace"), stderr=stderr,
                      exit_code=outcome.exit_code, extra=extra)

    def _new_program(self, code: str, key_q: str, toolchain: Any, cache: Any, deadline: float,
                     extra: dict[str, Any]) -> Any:
        """``(module, wasm)`` of a program not in the cache, or the Result that ends the run.

        Concurrent runs of the same new program share one build and one compile; each waits
        within its own compile budget.
        """
        with self._lock:
            pending = self._inflight.get(key_q)
            if pending is None:
                mine: concurrent.futures.Future[Any] = concurrent.futures.Future()
                self._inflight[key_q] = mine
        if pending is not None:
            extra["cache"] = "inflight"
            try:
                return pending.result(timeout=max(deadline - time.monotonic(), 0.0))
            except concurrent.futures.TimeoutError:
                return self._over_budget("module compilation", extra, "compile timeout")
        try:
            got = self._build_and_compile(code, key_q, toolchain, cache, deadline, extra)
            mine.set_result(got)
            return got
        except BaseException as e:
            mine.set_exception(e)
            raise
        finally:
            with self._lock:
                self._inflight.pop(key_q, None)

    def _over_budget(self, what: str, extra: dict[str, Any], detail: str) -> Result:
        return Result("go", Status.TIMEOUT,
                      stderr=f"{what} exceeded the compile budget (go.compile_timeout_s = "
                             f"{self.policy.compile_timeout_s:g} s)\n",
                      extra={**extra, "stopped_by": "toolchain" if "build" in detail else "wasmtime",
                             "stop_detail": detail})

    def _build_and_compile(self, code: str, key_q: str, toolchain: Any, cache: Any, deadline: float,
                           extra: dict[str, Any]) -> Any:
        """Wait for the standard library, build, compile (quick tier) in a child process, cache."""
        import wasmtime

        from . import _wasm
        from ._compile import compile_module

        stdlib = toolchain.start_stdlib(self.policy.packages, self.policy.build_memory_mb)
        if not stdlib.done.is_set():
            t_wait = time.monotonic()
            if not stdlib.wait(deadline):
                return Result("go", Status.TIMEOUT, stderr=_stdlib_message(stdlib.elapsed(),
                                                                           self.policy.compile_timeout_s),
                              extra={**extra, "stopped_by": "toolchain", "stop_detail": "stdlib build"})
            extra["stdlib_wait_s"] = round(time.monotonic() - t_wait, 3)
        built = toolchain.build(code, timeout_s=deadline - time.monotonic(), memory_mb=self.policy.build_memory_mb)
        extra["build_s"] = round(built.seconds, 4)
        if built.status == "timeout":
            return self._over_budget("go build", extra, "go build timeout")
        if built.status != "ok" or built.wasm is None:
            return Result("go", Status.COMPILE_ERROR, stderr=built.message, violations=built.violations,
                          exit_code=None, extra=extra)
        wasm = built.wasm
        t_compile = time.monotonic()
        compiled = compile_module("quick", wasm, deadline=deadline, memory_mb=self.policy.build_memory_mb,
                                  tmp_root=toolchain.tmp_root)
        extra["compile_s"] = round(compiled.seconds, 4)
        if compiled.status == "timeout":
            return self._over_budget("module compilation", extra, "compile timeout")
        if compiled.status == "memory":
            return Result("go", Status.COMPILE_ERROR,
                          stderr=f"module compilation exceeded its memory cap (go.build_memory_mb = "
                                 f"{self.policy.build_memory_mb})\n",
                          extra={**extra, "stopped_by": "wasmtime", "stop_detail": "compile memory"})
        try:
            if compiled.status != "ok" or compiled.data is None:
                raise wasmtime.WasmtimeError(compiled.message or compiled.status)
            module = wasmtime.Module.deserialize(_wasm.engines().engines["quick"], compiled.data)
        except wasmtime.WasmtimeError as e:  # a toolchain/engine mismatch, not the guest's fault
            log.warning("the Go module compiler failed: %s", e)
            return Result("go", Status.ERROR, stderr="wasmtime could not compile the module\n",
                          extra={**extra, "stopped_by": "wasmtime", "stop_detail": "compile error"})
        cache.put(key_q, "quick", module, compiled.data, wasm)
        extra["compile_s"] = round(time.monotonic() - t_compile, 4)  # loading and caching included
        return module, wasm

    # -- tiering -------------------------------------------------------------
    # A program is recompiled optimized once it has run UPGRADE_RUNS times or used UPGRADE_SECONDS
    # of CPU in all on the quick tier: the optimized compile costs about 0.8 s of CPU (on both
    # cores), which a program run a few times briefly (one submission, a few stdin cases) never pays
    # back. CPU time, not wall time: a run slowed by a loaded machine, or one that sleeps, would
    # look hot by the clock, and its recompile would load the machine further (in a batch of
    # distinct programs, each run once, on a loaded machine).
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

    def _upgrade(self, key_q: str, key_o: str, code: str, wasm: bytes | None) -> None:
        """A quick-tier program is hot: recompile it optimized, in the background.

        Bounded like every compile (a child process with the compile budget and the memory
        cap), and only when a compiler slot is free at that moment: it never waits ahead of a new
        program, and is tried again on a later run when it could not start. A module loaded from
        disk has no wasm at hand; it is built again first (about 0.1 s with a warm build cache).
        """
        with self._lock:
            if key_o in self._upgrading or self._closed:
                return
            self._upgrading.add(key_o)
        threading.Thread(target=self._upgrade_job, args=(key_q, key_o, code, wasm), daemon=True,
                         name="sandboxes-go-optimize").start()

    def _upgrade_job(self, key_q: str, key_o: str, code: str, wasm: bytes | None) -> None:
        import wasmtime

        from . import _wasm
        from ._compile import compile_module, free_slot

        try:
            with self._lock:
                toolchain, cache = self._toolchain, self._cache
            if cache is None or not free_slot():
                return
            deadline = time.monotonic() + self.policy.compile_timeout_s
            if wasm is None:
                built = toolchain.build(code, timeout_s=self.policy.compile_timeout_s,
                                        memory_mb=self.policy.build_memory_mb)
                if built.status != "ok" or built.wasm is None:
                    return
                wasm = built.wasm
            compiled = compile_module("optimized", wasm, deadline=deadline, memory_mb=self.policy.build_memory_mb,
                                      tmp_root=toolchain.tmp_root, background=True)
            if compiled.status != "ok" or compiled.data is None:
                return
            module = wasmtime.Module.deserialize(_wasm.engines().engines["optimized"], compiled.data)
            with self._lock:
                cache = self._cache
            if cache is not None:
                cache.put(key_o, "optimized", module, compiled.data)
                cache.drop(key_q)
        except Exception:  # noqa: BLE001 - the quick tier keeps serving; nothing of the guest's to report
            log.exception("the optimized recompile of a Go program failed")
        finally:
            with self._lock:
                self._upgrading.discard(key_o)


def _stdlib_message(elapsed: float, budget: float) -> str:
    return (f"the Go standard library for wasip1 is being built, once per cache directory (started {elapsed:.0f} s "
            f"ago; about 15 s on an idle 2-core machine, a minute or more under load); it goes on in the "
            f"background, but this run's compile budget (go.compile_timeout_s = {budget:g} s) ran out while "
            f"waiting for it. Try again shortly, or run `sandboxes warmup` once after installing.\n")
