"""What the HTTP service and the MCP server share: one ``Sandbox``, bounded, measured.

``Runner`` holds the process's ``Sandbox`` and admits runs and checks: at most ``workers`` at once, at most
``queue`` more waiting behind them; beyond that ``QueueFull`` (the HTTP service answers 429 with
``Retry-After``) instead of an ever longer wait. Every call is checked before it is admitted, and a
caller mistake is a ``FieldError`` naming the field (``lang``, ``timeout``, ``jobs[2].memory_mb``).

``execute`` is the one place the servers run code.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import math
import os
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import _registry
from ..api import Sandbox
from ..errors import LimitError, SandboxError, UnknownLanguageError
from ..policy import Policy, policy_to_dict
from ..result import Result

if TYPE_CHECKING:
    from ._metrics import Metrics

DEFAULT_QUEUE = 64  # runs waiting behind the running ones before the service answers 429


def default_workers() -> int:
    """Runs at once by default: one per core, at least two (each mostly waits on a confined worker)."""
    return max(2, os.cpu_count() or 1)


class FieldError(SandboxError):
    """A caller mistake in one field of a request: answered with a 4xx naming ``field``."""

    def __init__(self, field: str, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.status = status


class QueueFull(SandboxError):
    """Every run slot is busy and the queue behind them is full: try again in ``retry_after`` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the run queue is full; retry in {retry_after} s")
        self.retry_after = retry_after


@dataclasses.dataclass(frozen=True)
class Job:
    """One run, as a request gives it (the ``run()`` arguments but ``policy``: the server's is the policy)."""

    lang: str
    code: str
    stdin: str = ""
    timeout: float | None = None
    memory_mb: int | None = None


async def execute(sandbox: Sandbox, job: Job) -> Result:
    """Run ``job`` off the event loop (``Sandbox.arun``). The one place the servers run code.

    Cancelling the awaiting task stops the run (its worker child killed, its isolate or store
    interrupted) and returns once its thread is free (``SETTLE_S`` at most): a client that goes
    away, or an MCP ``notifications/cancelled``, gives its slot back with the worker, not a slot
    whose run goes on in a thread (a thread pool's queue behind it would have no bound).
    """
    return await sandbox.arun(job.lang, job.code, stdin=job.stdin, timeout=job.timeout, memory_mb=job.memory_mb)


class Runner:
    """The process's ``Sandbox``, at most ``workers`` runs at once and ``queue`` waiting. Loop-bound."""

    def __init__(self, policy: Policy | str | Path | None = None, *, workers: int | None = None,
                 queue: int = DEFAULT_QUEUE, metrics: Metrics | None = None) -> None:
        self.workers = workers if workers is not None else default_workers()
        if isinstance(self.workers, bool) or not isinstance(self.workers, int) or self.workers < 1:
            raise SandboxError(f"workers: expected a positive integer, got {self.workers!r}")
        if isinstance(queue, bool) or not isinstance(queue, int) or queue < 0:
            raise SandboxError(f"queue: expected an integer >= 0, got {queue!r}")
        self.sandbox = Sandbox(policy)
        self.policy = self.sandbox.policy
        self.queue = queue
        self.metrics = metrics
        self.active = 0
        self.waiting = 0
        self._slots: asyncio.Semaphore | None = None
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sandboxes-serve")
        self._mean_s = 0.25  # moving mean of run durations, for Retry-After
        if metrics is not None:
            metrics.bind(self)

    @property
    def capacity(self) -> int:
        """Runs admitted at most: running plus waiting."""
        return self.workers + self.queue

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self.sandbox.close()

    # -- checks --------------------------------------------------------------
    def check_job(self, job: Job, where: str = "") -> Job:
        """``job`` with its language's canonical name; ``FieldError`` for what the caller got wrong."""
        lang = self.check_lang(job.lang, f"{where}lang")
        for key, kwargs in (("timeout", {"timeout": job.timeout}), ("memory_mb", {"memory_mb": job.memory_mb})):
            try:
                self.sandbox.limits_for(lang, **kwargs)
            except LimitError as e:
                raise FieldError(f"{where}{key}", str(e)) from None
        for key, text in (("code", job.code), ("stdin", job.stdin)):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as e:
                raise FieldError(f"{where}{key}", f"{key} contains an unpaired surrogate at index {e.start}") from None
        return dataclasses.replace(job, lang=lang)

    def check_lang(self, lang: str, where: str = "lang") -> str:
        """The canonical name of ``lang``; ``FieldError`` naming ``where`` if there is no such language."""
        try:
            return _registry.canonical(lang)
        except UnknownLanguageError as e:
            raise FieldError(where, str(e)) from None

    # -- admission -----------------------------------------------------------
    def retry_after(self) -> int:
        """Seconds until a slot is likely free: the queue ahead, at the mean run time, over the workers."""
        return max(1, min(60, math.ceil(self._mean_s * (self.waiting + 1) / self.workers)))

    def _reserve(self, n: int) -> None:
        """Admit ``n`` runs or raise ``QueueFull``. Synchronous, so atomic on the loop."""
        if self.active + self.waiting + n > self.capacity:
            if self.metrics is not None:
                self.metrics.rejected("queue_full")
            raise QueueFull(self.retry_after())
        self.waiting += n

    @contextlib.asynccontextmanager
    async def _slot(self) -> AsyncIterator[None]:
        """A slot for a call ``_reserve`` admitted: wait for one (counted as waiting), hold it (active)."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers)
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        try:
            await self._slots.acquire()
        finally:
            self.waiting -= 1
        self.active += 1
        try:
            if self.metrics is not None:
                self.metrics.waited(loop.time() - t0)
            yield
        finally:
            self.active -= 1
            self._slots.release()

    async def _run_admitted(self, job: Job) -> Result:
        async with self._slot():
            try:
                result = await execute(self.sandbox, job)
            except LimitError as e:  # checked already; a message names its field (stdin: ..., timeout: ...)
                head = str(e).split(":", 1)[0].split()[0]
                field = head if head in ("stdin", "timeout", "memory_mb", "code") else "body"
                raise FieldError(field, str(e)) from None
        self._mean_s = 0.9 * self._mean_s + 0.1 * result.duration_s
        if self.metrics is not None:
            self.metrics.observe(result)
        return result

    async def run(self, job: Job) -> Result:
        """Check ``job``, admit it (or ``QueueFull``), run it. ``RuntimeUnavailableError`` if the
        machine lacks an engine or a layer the policy requires."""
        job = self.check_job(job)
        self._reserve(1)
        return await self._run_admitted(job)

    async def run_batch(self, jobs: list[Job]) -> list[Result]:
        """Every job checked first (nothing runs if one is wrong), admitted at once, results in order."""
        checked = [self.check_job(job, f"jobs[{i}].") for i, job in enumerate(jobs)]
        if len(checked) > self.capacity:
            raise FieldError("jobs", f"a batch holds at most {self.capacity} jobs (workers + queue), "
                             f"got {len(checked)}", status=413)
        self._reserve(len(checked))
        tasks = [asyncio.ensure_future(self._run_admitted(job)) for job in checked]
        try:
            return list(await asyncio.gather(*tasks))
        except BaseException:
            for t in tasks:
                t.cancel()
            raise

    async def check(self, lang: str, code: str) -> list[dict[str, Any]]:
        """A static check, admitted as a run is (a slot, the queue, ``QueueFull``): a large program's
        check costs CPU too. It cannot be stopped: a cancelled check keeps its slot until it ends."""
        name = self.check_lang(lang)
        self._reserve(1)
        async with self._slot():
            fut = asyncio.get_running_loop().run_in_executor(self._executor, self.sandbox.check, name, code)
            try:
                violations = await asyncio.shield(fut)
            except asyncio.CancelledError:
                await asyncio.wait({fut})
                raise
        return [dataclasses.asdict(v) for v in violations]

    # -- the policy ----------------------------------------------------------
    def policy_document(self) -> dict[str, Any]:
        """The effective policy as ``sandboxes policy show --json`` prints it, but nothing of the host:
        the source by name only, and a path setting (``audit.log_file``, ``go.cache_dir``...) as
        ``"(set)"``: a client learns that there is one, not where this machine keeps it."""
        pol = self.policy
        doc = {k: v for k, v in policy_to_dict(pol).items() if k not in ("source", "sha256", "base")}
        return {"source": Path(pol.source).name if pol.source.startswith(("/", ".")) else pol.source,
                "merged_over": Path(pol.base).name if pol.base else None, "sha256": pol.sha256,
                **_without_paths(doc)}


HOST_PATH_KEYS = ("_file", "_dir", "_binary")  # policy keys whose value is a path on this machine


def _without_paths(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: _without_paths(v) if isinstance(v, dict) else
            ("(set)" if v is not None and k.endswith(HOST_PATH_KEYS) else v) for k, v in doc.items()}
