"""The same batch on a Dask distributed cluster (``pip install 'sandboxes[dask]'``).

Every Dask worker keeps one ``Sandbox`` (``SandboxPlugin``: created when the plugin is set up on the
worker, closed at its teardown), so its engines, worker processes and compiled Go modules serve
every chunk it runs. Jobs go out in chunks, a bounded number in flight, read from the input lazily;
results come back chunk by chunk as they complete. When a worker dies, the scheduler runs its
unfinished chunks again on another worker (Dask's own rescheduling); a chunk whose workers kept
dying (``KilledWorker``) is split and its jobs tried one by one, and a job that still kills its
worker gets an ``error`` result. The client keeps the position of every job it has yielded and
drops any second result for it, so no job is lost or counted twice.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterator
from typing import Any

from ..errors import RuntimeUnavailableError
from ._jobs import failed_result, job_id, run_job
from ._local import in_order

PLUGIN_NAME = "sandboxes"
SINGLE_TRIES = 2  # a job whose workers died is tried alone this many times before its result says error
DEFAULT_CHUNK = 4  # jobs per task: small enough that a lost worker costs little, large enough to amortise


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as e:
        raise RuntimeUnavailableError(
            "cluster= needs Dask distributed: pip install 'sandboxes[dask]'") from e
    return distributed


def _plugin_base() -> type:
    try:
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:  # the class must be importable on the client side for pickling only
        return object
    return WorkerPlugin


class SandboxPlugin(_plugin_base()):  # type: ignore[misc]
    """A Dask worker plugin holding that worker's one ``Sandbox`` of ``policy``."""

    name = PLUGIN_NAME
    idempotent = True  # registered again by a later batch: the workers keep the Sandbox they have

    def __init__(self, policy: Any = None) -> None:
        self.policy = policy
        self.sandbox: Any = None

    def setup(self, worker: Any) -> None:
        from ..api import Sandbox

        self.sandbox = Sandbox(self.policy)

    def teardown(self, worker: Any) -> None:
        sandbox, self.sandbox = self.sandbox, None
        if sandbox is not None:
            sandbox.close()


def plugin_name(policy: Any) -> str:
    """One plugin (one Sandbox per worker) per policy: a later batch of the same policy on the same
    cluster finds the workers' sandboxes warm; another policy gets sandboxes of its own."""
    if policy is None:
        return PLUGIN_NAME
    import hashlib

    key = getattr(policy, "sha256", None) or repr(policy)
    return f"{PLUGIN_NAME}-{hashlib.sha256(str(key).encode()).hexdigest()[:12]}"


def run_chunk(chunk: list[tuple[int, Any]], name: str = PLUGIN_NAME) -> list[tuple[int, dict[str, Any]]]:
    """The Dask task: run a chunk of ``(position, job)`` with this worker's Sandbox."""
    from distributed import get_worker

    plugin: Any = get_worker().plugins.get(name)
    if plugin is None or plugin.sandbox is None:
        raise RuntimeError("this Dask worker has no sandboxes plugin")
    return [(seq, run_job(plugin.sandbox, job, seq)) for seq, job in chunk]


def _client(cluster: Any) -> tuple[Any, bool]:
    """A ``(client, ours)`` for an address, a Client, or a cluster object."""
    distributed = _distributed()
    if isinstance(cluster, distributed.Client):
        return cluster, False
    return distributed.Client(cluster, set_as_default=False), True


def run_dask(jobs: Iterator[Any], cluster: Any, *, policy: Any, ordered: bool,
             chunk_size: int | None) -> Iterator[dict[str, Any]]:
    _distributed()  # fail at the call, not at the first next()
    return in_order(_completed(jobs, cluster, policy, chunk_size or DEFAULT_CHUNK), ordered)


def _completed(jobs: Iterator[Any], cluster: Any, policy: Any,
               chunk_size: int) -> Iterator[tuple[int, dict[str, Any]]]:
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    client, ours = _client(cluster)
    try:
        from pathlib import Path

        policy = str(policy) if isinstance(policy, Path) else policy
        name = plugin_name(policy)
        client.register_plugin(SandboxPlugin(policy), name=name)
        threads = max(1, sum(client.nthreads().values()))
        window = 2 * threads  # chunks in flight: every worker thread busy, one more queued behind each
        source = enumerate(jobs)
        exhausted = False
        futures = as_completed(loop=client.loop)  # type: ignore[no-untyped-call]
        chunks: dict[Any, list[tuple[int, Any]]] = {}
        singles: dict[Any, int] = {}  # future of a suspect (a job run alone) -> its tries so far
        # Jobs of a chunk whose workers died, tried alone one at a time: a worker that dies then was
        # killed by that job (a worker's death also fails the tasks queued on it, whoever caused it).
        suspects: collections.deque[tuple[tuple[int, Any], int]] = collections.deque()
        done_seqs: set[int] = set()

        def submit(chunk: list[tuple[int, Any]], tries: int = 0) -> None:
            fut = client.submit(run_chunk, chunk, name, pure=False)
            chunks[fut] = chunk
            if tries:
                singles[fut] = tries
            futures.add(fut)  # type: ignore[no-untyped-call]

        while True:
            if suspects and not singles:
                pair, tries = suspects.popleft()
                submit([pair], tries + 1)
            while not exhausted and len(chunks) < window:
                chunk = list(itertools.islice(source, chunk_size))
                if len(chunk) < chunk_size:
                    exhausted = True
                if chunk:
                    submit(chunk)
            if not chunks:
                return
            fut = next(futures)
            chunk = chunks.pop(fut)
            tries = singles.pop(fut, 0)
            try:
                pairs = fut.result()
            except KilledWorker as e:
                if tries < SINGLE_TRIES:  # find the job that kills its worker
                    suspects.extend((pair, tries) for pair in chunk)
                    continue
                pairs = [(seq, failed_result(job_id(job, seq), job, "error",
                                             f"the Dask workers running this job died: {e}")) for seq, job in chunk]
            except Exception as e:  # noqa: BLE001 - a task's failure is that chunk's jobs' error, not the batch's
                pairs = [(seq, failed_result(job_id(job, seq), job, "error",
                                             f"Dask task failed: {type(e).__name__}: {e}")) for seq, job in chunk]
            finally:
                fut.release()
            for seq, res in pairs:
                if seq not in done_seqs:  # a rerun chunk that had already returned: never counted twice
                    done_seqs.add(seq)
                    yield seq, res
    finally:
        if ours:
            client.close()
