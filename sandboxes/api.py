"""The facade: ``Sandbox``, ``run`` and ``run_many``.

What ``timeout`` bounds: the program's own run, from the moment its runtime
starts it. It does not count the time a call waits for a free worker of its
language behind other calls (reported as ``Result.extra["queued_s"]``, and
part of ``duration_s``), nor Go's compilation, which has its own budget in the
policy. ``duration_s`` is the whole ``run()`` call.
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import logging
import os
import threading
import time
import uuid
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Protocol, Sequence

from . import _registry
from .audit import Auditor
from .errors import ClosedError, LimitError, SandboxError
from .policy import Limits, Policy, resolve_policy
from .result import Result, Status, Violation
from ._control import OutputCallback, RunControl, cancelled_result
from ._lifecycle import Closeable

if TYPE_CHECKING:
    from ._async import OutputStream

log = logging.getLogger("sandboxes")


class _Backend(Protocol):
    def run(self, code: str, *, stdin: str, limits: Limits) -> Result: ...
    def close(self) -> None: ...


_wasm_python = _registry.is_wasm_python


def _as_text(value: Any, what: str) -> tuple[str | None, str | None]:
    """Return (text, problem). Bytes must be UTF-8; anything else that is not str is a caller mistake."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            return None, f"{what} contains an unpaired surrogate at index {e.start}"
        return value, None
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError as e:
            return None, f"{what} is not valid UTF-8 (byte {e.start}: {raw[e.start:e.start + 1]!r})"
    raise SandboxError(f"{what} must be str or bytes, got {type(value).__name__}")


class Sandbox(Closeable):
    """A policy, its runtimes and their pools. Thread-safe; reusable; a context manager."""

    def __init__(self, policy: Policy | str | Path | None = None) -> None:
        self.policy = resolve_policy(policy)
        self._auditor = Auditor(self.policy)
        self._backends: dict[str, _Backend] = {}
        self._gates: dict[str, threading.Semaphore] = {}
        self._checkers: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._closed = False
        _live.add(self)

    # -- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        """Stop workers and close engines. Idempotent."""
        with self._lock:
            self._closed = True
            backends = list(self._backends.values()) + list(self._checkers.values())
            self._backends.clear()
            self._checkers.clear()
        for b in backends:
            try:
                b.close()
            except Exception:  # pragma: no cover - best effort at shutdown
                log.exception("error while closing a sandbox backend")


    # -- backends ------------------------------------------------------------
    def _backend(self, lang: str) -> _Backend:
        with self._lock:
            if self._closed:
                raise ClosedError("this Sandbox is closed")
            backend = self._backends.get(lang)
            if backend is None:
                lpol = self.policy.for_language(lang)
                if lpol.isolation == "worker":
                    from .isolation import WorkerBackend

                    backend = WorkerBackend(lang, self.policy)
                    if lang != "python" or _wasm_python(lang, lpol):
                        # Long-lived workers (JS, Go, wasm Python): `workers` of them, each running one
                        # program at a time. A call waits here for one, so that its wait is measured
                        # (queued_s) instead of hidden inside the backend. Python (restricted) forks a
                        # child per run: no gate.
                        self._gates[lang] = threading.Semaphore(max(1, lpol.workers))
                elif _wasm_python(lang, lpol):  # python.isolation: inprocess
                    backend = _registry.create_wasm_python(lpol)
                else:
                    backend = _registry.create_runtime(lang, lpol)
                self._backends[lang] = backend
            return backend

    def _checker(self, lang: str) -> Any:
        with self._lock:
            if self._closed:
                raise ClosedError("this Sandbox is closed")
            rt = self._checkers.get(lang)
            if rt is None:
                lpol = self.policy.for_language(lang)
                rt = _registry.create_wasm_python(lpol) if _wasm_python(lang, lpol) else \
                    _registry.create_runtime(lang, lpol)
                self._checkers[lang] = rt
            return rt

    def limits_for(self, lang: str, *, timeout: float | None = None, memory_mb: int | None = None) -> Limits:
        """The limits of a call: the policy's, with per-call arguments up to its ceilings."""
        name = _registry.canonical(lang)
        return self.policy.for_language(name).limits.for_call(timeout=timeout, memory_mb=memory_mb, section=name)

    # -- public --------------------------------------------------------------
    def check(self, lang: str, code: str | bytes) -> list[Violation]:
        """Static check only: syntax and policy, no execution."""
        name = _registry.canonical(lang)
        text, problem = _as_text(code, "code")
        if text is None:
            return [Violation("encoding", problem or "")]
        limits = self.policy.for_language(name).limits
        if limits.max_code_bytes is not None and len(text.encode("utf-8")) > limits.max_code_bytes:
            return [Violation("size", f"code is {len(text.encode('utf-8'))} bytes; the limit is {limits.max_code_bytes}")]
        return list(self._checker(name).check(text))

    def run(
        self,
        lang: str,
        code: str | bytes,
        *,
        stdin: str | bytes = "",
        timeout: float | None = None,
        memory_mb: int | None = None,
        policy: Policy | str | Path | None = None,
        on_output: OutputCallback | None = None,
    ) -> Result:
        """Run ``code`` once. Never raises for what the code does; see ``Result.status``.

        ``timeout`` and ``memory_mb`` may be anything up to the policy's ``max_timeout_s`` and
        ``max_memory_mb``; ``timeout`` bounds the program's run, not the wait for a worker
        (``extra["queued_s"]``). Raises ``SandboxError`` subclasses for caller mistakes only.
        ``on_output(stream, text)`` (``stream`` is ``"stdout"`` or ``"stderr"``) receives the
        output while the program runs, within ``max_output_bytes``, in the thread that reads it;
        its chunks add up to the Result's stdout and stderr.
        """
        t0 = time.perf_counter()
        call = self._prepare(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb, policy=policy)
        if on_output is not None and not callable(on_output):
            raise SandboxError(f"on_output must be callable, got {type(on_output).__name__}")
        control = RunControl(on_output) if on_output is not None else None
        return call.sandbox._execute(call, t0, control)

    async def arun(
        self,
        lang: str,
        code: str | bytes,
        *,
        stdin: str | bytes = "",
        timeout: float | None = None,
        memory_mb: int | None = None,
        policy: Policy | str | Path | None = None,
        on_output: OutputCallback | None = None,
    ) -> Result:
        """``run()`` for asyncio: the same arguments and Result, and the event loop never waits.

        Cancelling the awaiting task stops the run (its worker child is killed, its isolate or
        store interrupted) and waits, briefly, for its resources to come back. ``on_output`` may
        be a plain or an async callable; it is called on the event loop, in order.
        """
        from ._async import arun

        return await arun(self, lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb, policy=policy,
                          on_output=on_output)

    def astream(self, lang: str, code: str | bytes, *, stdin: str | bytes = "", timeout: float | None = None,
                memory_mb: int | None = None, policy: Policy | str | Path | None = None) -> OutputStream:
        """A run to read as it goes: ``async for chunk in sb.astream(...)``, then ``.result``.

        Caller mistakes raise here; the run starts at the first ``async for`` or ``await``.
        """
        from ._async import astream

        return astream(self, lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb, policy=policy)

    async def arun_many(self, jobs: Iterable[Mapping[str, Any] | Sequence[Any]], *, concurrency: int = 2,
                        return_exceptions: bool = False) -> list[Result | SandboxError]:
        """``run_many`` for asyncio: the same jobs and outcomes, at most ``concurrency`` runs at once."""
        from ._async import arun_many

        return await arun_many(self, jobs, concurrency=concurrency, return_exceptions=return_exceptions)

    def _prepare(self, lang: Any, code: Any, *, stdin: Any = "", timeout: Any = None, memory_mb: Any = None,
                 policy: Any = None) -> _Call:
        """Check everything a caller can get wrong, before anything runs. Raises ``SandboxError``."""
        sb = _sandbox_for(policy) if policy is not None else self
        name = _registry.canonical(lang)
        limits = sb.limits_for(name, timeout=timeout, memory_mb=memory_mb)
        text, problem = _as_text(code, "code")
        stdin_text, stdin_problem = _as_text(stdin, "stdin")
        if stdin_text is None:
            raise LimitError(stdin_problem or "stdin is not valid text")
        raw = code.encode("utf-8", "surrogatepass") if isinstance(code, str) else bytes(code)
        return _Call(sb, name, text, problem, stdin_text, limits, hashlib.sha256(raw).hexdigest())

    def _execute(self, call: _Call, t0: float, control: RunControl | None = None) -> Result:
        """Run a prepared call. Raises only for the environment (closed, engine or layer missing).

        ``control`` (streaming, cancelling) is bound around the backend's run for the runtime
        and the worker pool to find (``sandboxes._control``).
        """
        name, text, limits = call.lang, call.text, call.limits
        if control is not None and control.max_output_bytes is None:
            control.max_output_bytes = limits.max_output_bytes
        run_id = uuid.uuid4().hex[:16]
        queued = 0.0
        result: Result
        if text is None:
            result = Result(name, Status.VIOLATION, violations=(Violation("encoding", call.problem or ""),))
        elif limits.max_code_bytes is not None and len(text.encode("utf-8")) > limits.max_code_bytes:
            size = len(text.encode("utf-8"))
            result = Result(name, Status.VIOLATION,
                            violations=(Violation("size", f"code is {size} bytes; the limit is {limits.max_code_bytes}"),))
        else:
            backend = self._backend(name)
            gate = self._gates.get(name)
            acquired = True
            if gate is not None:
                tq = time.perf_counter()
                acquired = _wait_for(gate, control)
                queued = time.perf_counter() - tq
            token = control.bind() if control is not None else None
            try:
                if not acquired or (control is not None and control.cancelled):
                    result = cancelled_result(name)  # cancelled before it started: nothing ran
                else:
                    result = backend.run(text, stdin=call.stdin, limits=limits)
            except SandboxError:
                raise
            except Exception as e:  # a bug of ours must not take the caller down
                log.exception("internal error while running %s code", name)
                result = Result(name, Status.ERROR, stderr=f"sandboxes internal error: {type(e).__name__}\n",
                                exit_code=1)
            finally:
                if token is not None:
                    RunControl.unbind(token)
                if gate is not None and acquired:
                    gate.release()
        if control is not None:
            control.finish(result.stdout, result.stderr)
        result = dataclasses.replace(
            result,
            run_id=run_id,
            duration_s=time.perf_counter() - t0,
            isolation=result.isolation or ("language",),
            extra={**result.extra, "queued_s": round(queued, 6)},
        )
        missing = tuple(result.extra.get("isolation_missing", ()))
        # The program has run: whatever happens to its audit record, the caller gets its Result.
        try:
            failure = self._auditor.record(result, code=text or "", code_sha256=call.sha256, missing_layers=missing)
        except Exception as e:  # noqa: BLE001 - a bug in the audit path must not cost the Result either
            log.exception("the audit record of run %s failed", run_id)
            failure = f"{type(e).__name__}: {e}"
        if failure:
            result = dataclasses.replace(result, extra={**result.extra, "audit_error": failure})
        return result

    def run_many(self, jobs: Iterable[Mapping[str, Any] | Sequence[Any]], *, concurrency: int = 2,
                 return_exceptions: bool = False) -> list[Result | SandboxError]:
        """Run a batch; each job is ``(lang, code)``, ``(lang, code, {run() arguments})`` or a mapping of
        ``run()`` arguments. Returns one outcome per job, in job order.

        Every job is checked before any runs. By default a caller mistake in any job (unknown
        language, a timeout above the ceiling, code that is not text...) raises at once, naming
        the job, and nothing has run. With ``return_exceptions=True`` (as ``asyncio.gather``) the
        exception takes that job's place in the list and the other jobs run. An error of the
        environment while running (an engine or a required layer missing, the sandbox closed)
        does not stop the other jobs either; by default the first one is raised after all have
        ended, with every outcome so far in its ``results`` attribute.
        """
        calls = self._prepare_jobs(jobs, concurrency, return_exceptions, "run_many")

        def one(call: _Call | SandboxError) -> Result | SandboxError:
            if isinstance(call, SandboxError):
                return call
            t0 = time.perf_counter()
            try:
                return call.sandbox._execute(call, t0)
            except SandboxError as e:
                return e

        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="sandboxes-run") as pool:
            outcomes = list(pool.map(one, calls))
        return _batch_outcomes(outcomes, return_exceptions)

    def _prepare_jobs(self, jobs: Iterable[Any], concurrency: Any, return_exceptions: bool,
                      what: str) -> list[_Call | SandboxError]:
        """Every job of a batch checked before any runs (see ``run_many``)."""
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise LimitError(f"concurrency: expected a positive integer, got {concurrency!r}")
        calls: list[_Call | SandboxError] = []
        for i, job in enumerate(jobs):
            try:
                calls.append(self._prepare(**_job_arguments(job)))
            except SandboxError as e:
                if not return_exceptions:
                    raise type(e)(f"{what} job {i}: {e}") from e
                calls.append(e)
        return calls


def _batch_outcomes(outcomes: list[Result | SandboxError], return_exceptions: bool) -> list[Result | SandboxError]:
    """A batch's outcomes, or (``return_exceptions=False``) its first error with them in ``results``."""
    if not return_exceptions:
        failed = next((o for o in outcomes if isinstance(o, SandboxError)), None)
        if failed is not None:
            failed.results = outcomes  # type: ignore[attr-defined]
            raise failed
    return outcomes


def _wait_for(gate: threading.Semaphore, control: RunControl | None) -> bool:
    """Take a worker's permit; False if the run was cancelled while it waited."""
    if control is None:
        gate.acquire()
        return True
    while not control.cancelled:
        if gate.acquire(timeout=0.05):
            return True
    return False


@dataclasses.dataclass(frozen=True)
class _Call:
    """One checked ``run()`` call: everything a caller could get wrong was checked making it."""

    sandbox: Sandbox
    lang: str
    text: str | None  # None: the code is not valid text (a violation of the run, not a caller mistake)
    problem: str | None
    stdin: str
    limits: Limits
    sha256: str


_RUN_ARGUMENTS = ("lang", "code", "stdin", "timeout", "memory_mb", "policy")


def _job_arguments(job: Any) -> dict[str, Any]:
    """The ``run()`` arguments of one ``run_many`` job. Raises ``SandboxError`` for a malformed job."""
    if isinstance(job, Mapping):
        kwargs = dict(job)
    elif isinstance(job, (tuple, list)) and len(job) in (2, 3) and (len(job) == 2 or isinstance(job[2], Mapping)):
        kwargs = {"lang": job[0], "code": job[1], **(job[2] if len(job) == 3 else {})}
    else:
        raise SandboxError(f"expected (lang, code), (lang, code, {{arguments}}) or a mapping, got "
                           f"{type(job).__name__}")
    unknown = sorted(str(k) for k in kwargs if k not in _RUN_ARGUMENTS)
    if unknown:
        raise SandboxError(f"unknown run() argument {unknown[0]!r} (expected {', '.join(_RUN_ARGUMENTS)})")
    for key in ("lang", "code"):
        if key not in kwargs:
            raise SandboxError(f"missing run() argument {key!r}")
    return kwargs


# ----------------------------------------------------------------- module level

_live: weakref.WeakSet[Sandbox] = weakref.WeakSet()
_shared: dict[Any, Sandbox] = {}
_shared_lock = threading.Lock()


def _sandbox_for(policy: Policy | str | Path | None) -> Sandbox:
    if isinstance(policy, (str, Path)):
        p = Path(policy)
        try:
            st = p.stat()
            key: Any = ("path", str(p.resolve()), st.st_mtime_ns, st.st_size)
        except OSError:
            key = ("path", str(p), None, None)
    elif policy is None:
        key = None
    else:
        key = ("policy", id(policy))
    with _shared_lock:
        sb = _shared.get(key)
        if sb is None or sb._closed:
            sb = Sandbox(policy)
            _shared[key] = sb
        return sb


def run(
    lang: str,
    code: str | bytes,
    *,
    stdin: str | bytes = "",
    timeout: float | None = None,
    memory_mb: int | None = None,
    policy: Policy | str | Path | None = None,
    on_output: OutputCallback | None = None,
) -> Result:
    """Run ``code`` in the ``lang`` sandbox under ``policy`` (default: the shipped policy)."""
    return _sandbox_for(policy).run(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb,
                                    on_output=on_output)


def run_many(jobs: Iterable[Mapping[str, Any] | Sequence[Any]], *, concurrency: int = 2,
             policy: Policy | str | Path | None = None,
             return_exceptions: bool = False) -> list[Result | SandboxError]:
    """Run a batch of jobs concurrently with the shared sandbox of ``policy`` (see ``Sandbox.run_many``)."""
    return _sandbox_for(policy).run_many(jobs, concurrency=concurrency, return_exceptions=return_exceptions)


async def arun(
    lang: str,
    code: str | bytes,
    *,
    stdin: str | bytes = "",
    timeout: float | None = None,
    memory_mb: int | None = None,
    policy: Policy | str | Path | None = None,
    on_output: OutputCallback | None = None,
) -> Result:
    """``run()`` for asyncio with the shared sandbox of ``policy`` (see ``Sandbox.arun``)."""
    return await _sandbox_for(policy).arun(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb,
                                           on_output=on_output)


async def arun_many(jobs: Iterable[Mapping[str, Any] | Sequence[Any]], *, concurrency: int = 2,
                    policy: Policy | str | Path | None = None,
                    return_exceptions: bool = False) -> list[Result | SandboxError]:
    """``run_many`` for asyncio with the shared sandbox of ``policy`` (see ``Sandbox.arun_many``)."""
    return await _sandbox_for(policy).arun_many(jobs, concurrency=concurrency, return_exceptions=return_exceptions)


def astream(lang: str, code: str | bytes, *, stdin: str | bytes = "", timeout: float | None = None,
            memory_mb: int | None = None, policy: Policy | str | Path | None = None) -> OutputStream:
    """A run whose output is read as it comes, with the shared sandbox of ``policy`` (see ``Sandbox.astream``)."""
    return _sandbox_for(policy).astream(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb)


def check(lang: str, code: str | bytes, *, policy: Policy | str | Path | None = None) -> list[Violation]:
    """Static check only (syntax and policy), no execution."""
    return _sandbox_for(policy).check(lang, code)


@atexit.register
def _close_all() -> None:
    for sb in list(_live):
        try:
            sb.close()
        except Exception:
            pass


def _after_fork_in_child() -> None:
    """A child forked from this process (gunicorn ``--preload``, multiprocessing's fork) keeps its
    Sandboxes, shared ones included, but none of the parent's locks or worker gates.

    A lock or gate that one of the parent's threads held at the fork would stay held for ever in
    the child. The workers themselves are reset by ``sandboxes.isolation`` (each backend starts
    its own on its next run) and the engines by their own modules (Go: the epoch ticker; in-process
    JavaScript refuses, since V8 does not survive a fork).
    """
    global _shared_lock
    _shared_lock = threading.Lock()
    for sb in list(_live):
        sb._lock = threading.Lock()
        sb._auditor._lock = threading.Lock()
        gates = getattr(sb, "_gates", {})
        for lang in list(gates):  # made as in Sandbox._backend: one permit per long-lived worker
            gates[lang] = threading.Semaphore(max(1, sb.policy.for_language(lang).workers))


os.register_at_fork(after_in_child=_after_fork_in_child)
