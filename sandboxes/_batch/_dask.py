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

from collections.abc import Callable, Iterator
from typing import Any

from ..errors import RuntimeUnavailableError
from ._chunks import Chunk, Pairs, run_chunks
from ._jobs import run_job
from ._local import in_order

PLUGIN_NAME = "sandboxes"
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
        futures = as_completed(loop=client.loop)  # type: ignore[no-untyped-call]

        def submit(chunk: Chunk) -> Any:
            fut = client.submit(run_chunk, chunk, name, pure=False)
            futures.add(fut)  # type: ignore[no-untyped-call]
            return fut

        def next_done() -> tuple[Any, Callable[[], Pairs]]:
            fut = next(futures)

            def get() -> Pairs:
                try:
                    return fut.result()  # type: ignore[no-any-return]
                finally:
                    fut.release()

            return fut, get

        # chunks in flight: every worker thread busy, one more queued behind each
        yield from run_chunks(jobs, submit=submit, next_done=next_done,
                              is_death=lambda e: isinstance(e, KilledWorker), chunk_size=chunk_size,
                              window=2 * threads, who="the Dask workers")
    finally:
        if ours:
            client.close()
