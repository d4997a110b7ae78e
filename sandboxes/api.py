"""The facade: ``Sandbox``, ``run`` and ``run_many``."""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import logging
import threading
import time
import uuid
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol, Sequence

from . import _registry
from .audit import Auditor
from .errors import ClosedError, LimitError, SandboxError
from .policy import Limits, Policy, resolve_policy
from .result import Result, Status, Violation
from ._lifecycle import Closeable

log = logging.getLogger("sandboxes")


class _Backend(Protocol):
    def run(self, code: str, *, stdin: str, limits: Limits) -> Result: ...
    def close(self) -> None: ...


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
                rt = _registry.create_runtime(lang, self.policy.for_language(lang))
                self._checkers[lang] = rt
            return rt

    def limits_for(self, lang: str, *, timeout: float | None = None, memory_mb: int | None = None) -> Limits:
        return self.policy.for_language(_registry.canonical(lang)).limits.tighten(timeout=timeout, memory_mb=memory_mb)

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
    ) -> Result:
        """Run ``code`` once. Never raises for what the code does; see ``Result.status``."""
        if policy is not None:
            other = _sandbox_for(policy)
            if other is not self:
                return other.run(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb)
        t0 = time.perf_counter()
        name = _registry.canonical(lang)
        lpol = self.policy.for_language(name)
        limits = lpol.limits.tighten(timeout=timeout, memory_mb=memory_mb)
        run_id = uuid.uuid4().hex[:16]

        text, problem = _as_text(code, "code")
        stdin_text, stdin_problem = _as_text(stdin, "stdin")
        if stdin_text is None:
            raise LimitError(stdin_problem or "stdin is not valid text")
        raw = code.encode("utf-8", "surrogatepass") if isinstance(code, str) else bytes(code)
        sha = hashlib.sha256(raw).hexdigest()

        result: Result
        if text is None:
            result = Result(name, Status.VIOLATION, violations=(Violation("encoding", problem or ""),))
        elif limits.max_code_bytes is not None and len(text.encode("utf-8")) > limits.max_code_bytes:
            size = len(text.encode("utf-8"))
            result = Result(name, Status.VIOLATION,
                            violations=(Violation("size", f"code is {size} bytes; the limit is {limits.max_code_bytes}"),))
        else:
            backend = self._backend(name)
            try:
                result = backend.run(text, stdin=stdin_text, limits=limits)
            except SandboxError:
                raise
            except Exception as e:  # a bug of ours must not take the caller down
                log.exception("internal error while running %s code", name)
                result = Result(name, Status.ERROR, stderr=f"sandboxes internal error: {type(e).__name__}\n",
                                exit_code=1)
        result = dataclasses.replace(
            result,
            run_id=run_id,
            duration_s=time.perf_counter() - t0,
            isolation=result.isolation or ("language",),
        )
        missing = tuple(result.extra.get("isolation_missing", ()))
        self._auditor.record(result, code=text or "", code_sha256=sha, missing_layers=missing)
        return result

    def run_many(self, jobs: Iterable[Mapping[str, Any] | Sequence[Any]], *, concurrency: int = 2) -> list[Result]:
        """Run a batch; each job is ``(lang, code)`` or a mapping of ``run()`` arguments. Results keep job order."""
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise LimitError(f"concurrency: expected a positive integer, got {concurrency!r}")
        calls: list[dict[str, Any]] = []
        for job in jobs:
            if isinstance(job, Mapping):
                calls.append(dict(job))
            else:
                lang, code, *rest = job
                calls.append({"lang": lang, "code": code, **(rest[0] if rest else {})})
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="sandboxes-run") as pool:
            return list(pool.map(lambda kw: self.run(**kw), calls))


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
) -> Result:
    """Run ``code`` in the ``lang`` sandbox under ``policy`` (default: the shipped policy)."""
    return _sandbox_for(policy).run(lang, code, stdin=stdin, timeout=timeout, memory_mb=memory_mb)


def run_many(jobs: Iterable[Mapping[str, Any] | Sequence[Any]], *, concurrency: int = 2,
             policy: Policy | str | Path | None = None) -> list[Result]:
    """Run a batch of jobs concurrently with the shared sandbox of ``policy``."""
    return _sandbox_for(policy).run_many(jobs, concurrency=concurrency)


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
