"""``WasmPythonRuntime``: full CPython 3.15 (numpy, pandas...) on wasm32-wasip1, one fresh instance per run."""

from __future__ import annotations

import math
import time
from typing import Any

from ..._lifecycle import Closeable
from ...errors import ClosedError, RuntimeUnavailableError
from ...policy import Limits, PythonPolicy
from ...result import Result, Status, Violation

# What every run executes, as one `turn` of the snapshot's interpreter (the reactor's `run` export
# may be called once per instance and never after a turn, and the snapshot's start-up was a turn).
# The turn runs the program through the reactor's own `python -c` main (`_reactor.run`): its `_refresh`
# reseeds the global generators the snapshot imported (`random` and `numpy.random`, whose seeds were
# drawn once, when the snapshot was made) with `seed()`, i.e. fresh entropy from random_get; sys.argv is
# ['-c'], the program's file name '<string>', an uncaught exception's traceback printed as CPython
# prints it, and the exit status returned as the turn's. The two helpers around it are bound by the
# snapshot (`_snapshot.TURN_HELPERS`): before, the turn's own linecache entry is dropped; after, the
# atexit handlers run, as at the end of `python -c` (the reactor's main does not run them), the streams
# are flushed and the status becomes the turn's. The turn is two short statements because the reactor
# parses it to an AST object tree and compiles it in every fresh instance (the five-statement turn
# before cost 0.4 ms more per run), and it adds no frame between the turn and the program's own.
_TURN = "_r = __import__('_reactor')\n_r._sbx_end(_r.run(_r._sbx_begin({code}), {{}}))\n"


def turn_source(code: str) -> bytes:
    """The turn that runs ``code`` (embedded as a ``str`` literal: ``repr`` of a str always is one)."""
    return _TURN.format(code=repr(code)).encode("utf-8", "surrogatepass")


def _cut(text: str, room: int) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return text if len(data) <= room else data[:max(room, 0)].decode("utf-8", "ignore")


def _within_cap(stdout: str, stderr: str, message: str | None, cap: int | None) -> tuple[str, str]:
    """stdout and stderr (with the engine's notice last) whose UTF-8 bytes together stay within ``cap``.

    Every byte a run returns counts, whoever produced it: the notice is kept and the guest's text cut
    (stderr first) to make room; a byte the guest wrote that is not UTF-8 becomes U+FFFD (three bytes)
    when decoded, so the cap is applied to the decoded text, not to what the guest wrote.
    """
    notice = (message + "\n") if message else ""
    if cap is not None:
        room = max(0, cap - len(notice.encode()) - 1)  # 1: the newline before the notice, if needed
        stdout = _cut(stdout, room)
        stderr = _cut(stderr, room - len(stdout.encode("utf-8", "surrogatepass")))
    if notice and stderr and not stderr.endswith("\n"):
        stderr += "\n"
    return stdout, stderr + notice


class WasmPythonRuntime(Closeable):
    """Python programs run by the package's CPython in wasmtime, from our pre-initialised snapshot.

    The guest has no preopened host directory, no socket, an empty environment and a read-only
    in-memory file system holding only the package's standard-library zip; its memory is a
    wasm32 linear memory capped by the run's ``memory_mb``; its time by the epoch deadline.
    Construction is cheap; the first run starts the one-off module build in the background.
    """

    name = "python"

    def __init__(self, policy: PythonPolicy) -> None:
        self.policy = policy
        self._closed = False

    def close(self) -> None:
        self._closed = True

    def check(self, code: str) -> list[Violation]:
        """Nothing is refused before the run: the interpreter reports its own SyntaxError."""
        if self._closed:
            raise ClosedError("this WasmPythonRuntime is closed")
        return []

    @staticmethod
    def prepare_process(policy: PythonPolicy) -> None:
        """In a confined worker about to confine itself: load the compiled snapshot now, start no thread.

        The module is read from the authenticated cache (its MAC checked before wasmtime sees a byte)
        while the worker may still read the cache; the host built it first (``build_pending``). The
        build thread has ended when this returns; the epoch ticker and the big-stack threads start on
        the first run, after confinement.
        """
        from . import _module

        build = _module.start(policy.wasm_cache_dir, policy.wasm_tier)
        build.join()
        if build.error is not None:
            raise RuntimeUnavailableError(f"the wasm Python module could not be loaded: {build.error}")

    @classmethod
    def build_pending(cls, policy: PythonPolicy) -> Result | None:
        """For a run in a worker: ``None`` when the snapshot is in the cache (the worker loads it);
        otherwise this process builds it, once, and a run that cannot wait gets the same answer as
        an in-process run (``timeout``, the build going on in the background)."""
        from . import _module

        if _module.is_cached(policy.wasm_cache_dir, policy.wasm_tier):
            return None
        ready = cls(policy)._ready({"engine": "wasm"})
        return ready if isinstance(ready, Result) else None

    def _ready(self, extra: dict[str, Any]) -> Any:
        from . import _module

        build = _module.start(self.policy.wasm_cache_dir, self.policy.wasm_tier)
        if not build.done.is_set():
            t = time.monotonic()
            build.done.wait(max(self.policy.wasm_compile_timeout_s, 0.0))
            extra["build_wait_s"] = round(time.monotonic() - t, 3)
        if not build.done.is_set():
            return Result("python", Status.TIMEOUT, stderr=(
                f"the wasm Python module is being built, once per cache directory ({build.phase}; started "
                f"{build.elapsed():.0f} s ago, about 3-6 CPU-minutes, once per machine); it goes on in the background, but "
                f"this run's wait (python.wasm_compile_timeout_s = {self.policy.wasm_compile_timeout_s:g} s) ran "
                f"out. Try again shortly, or run `sandboxes warmup` once after installing.\n"),
                extra={**extra, "stopped_by": "wasmtime", "stop_detail": "compile timeout"})
        if build.error is not None:
            if isinstance(build.error, RuntimeUnavailableError):
                raise build.error
            raise RuntimeUnavailableError(f"the wasm Python module could not be built: {build.error}")
        assert build.ready is not None
        return build.ready

    def run(self, code: str, *, stdin: str, limits: Limits) -> Result:
        if self._closed:
            raise ClosedError("this WasmPythonRuntime is closed")
        from ...go import _wasm as gw
        from . import _engine

        extra: dict[str, Any] = {"engine": "wasm"}
        ready = self._ready(extra)
        if isinstance(ready, Result):
            return ready
        memory = limits.memory_mb * 1024 * 1024 if limits.memory_mb is not None else None
        deadline = time.monotonic() + limits.timeout_s if limits.timeout_s is not None else math.inf
        out = _engine.run(ready.module, ready.linker, ready.tree, source=turn_source(code),
                          stdin=stdin.encode("utf-8"), env=[], memory_bytes=memory,
                          max_output=limits.max_output_bytes, deadline=deadline, tier=ready.tier)
        outcome = out.outcome
        raw_out, raw_err = out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace")
        stdout, stderr = _within_cap(raw_out, raw_err, outcome.message, limits.max_output_bytes)
        if outcome.status != Status.OUTPUT_LIMIT and (not stdout.startswith(raw_out) or not stderr.startswith(raw_err)):
            # the decoded text (U+FFFD for each byte that is not UTF-8) is past the cap: what is returned was cut
            outcome = gw.Outcome(Status.OUTPUT_LIMIT, None, "output limit exceeded", "sandbox:output_limit")
            stdout, stderr = _within_cap(raw_out, raw_err, outcome.message, limits.max_output_bytes)
        if outcome.stop_detail:
            extra["stopped_by"] = outcome.stop_detail.split(":", 1)[0]
            extra["stop_detail"] = outcome.stop_detail
        extra["memory_mb"] = round(out.memory_bytes / (1 << 20), 1)
        return Result("python", outcome.status, stdout=stdout, stderr=stderr,
                      exit_code=outcome.exit_code, extra=extra)


__all__ = ["WasmPythonRuntime", "turn_source"]
