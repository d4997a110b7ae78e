"""Batch grading: many jobs, each with test cases and verdicts, locally or on a Dask cluster.

``batch(jobs, concurrency=2)`` yields one result per job as jobs complete (``ordered=True``: in
input order). A job is a mapping (see ``_jobs``); its result is a JSON-ready dict::

    {"id": 7, "lang": "go", "task": "t1", "verdict": "accepted", "passed": 3, "total": 3,
     "duration_s": 0.21, "tests": [{"name": "0", "verdict": "accepted", "status": "ok", ...}, ...]}

A malformed job has verdict ``invalid`` and an ``error`` message; one the sandbox could not run
here (a missing engine, a worker lost for good) has ``error``. Neither stops the batch.
This package imports only the standard library; ``rich`` (the CLI's progress bar) and
``distributed`` (``cluster=``) load when used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import LimitError
from ._jobs import COMPARE_MODES, NOT_JUDGED, VERDICTS, outputs_match

__all__ = ["COMPARE_MODES", "NOT_JUDGED", "VERDICTS", "batch", "outputs_match"]


def batch(jobs: Iterable[Any], *, concurrency: int = 2, ordered: bool = False, policy: Any = None,
          sandbox: Any = None, cluster: Any = None, chunk_size: int | None = None) -> Iterator[dict[str, Any]]:
    """Run ``jobs`` and yield one result dict per job as each completes. Never raises for a job.

    ``concurrency``: jobs run at once on this machine (threads sharing one ``Sandbox``; each job's
    test cases run one after another). ``policy`` (a ``Policy``, a path or ``None`` for the shipped
    one) or ``sandbox`` (a ``Sandbox`` of yours, not closed by this call) says where to run.
    ``cluster``: a Dask scheduler address (``tcp://host:8786``), a ``distributed.Client`` or a cluster
    object (``LocalCluster``): jobs go out in chunks of ``chunk_size`` to Dask workers, each with one
    ``Sandbox`` of ``policy`` (a path is read on each worker), and ``concurrency`` is ignored (each
    worker runs as many chunks as it has threads). Jobs are read from the iterable lazily.

    Raises ``LimitError`` at once for bad arguments; ``RuntimeUnavailableError`` when ``cluster`` is
    given and ``distributed`` is not installed (``pip install 'sandboxes[dask]'``).
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise LimitError(f"concurrency: expected a positive integer, got {concurrency!r}")
    if chunk_size is not None and (isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1):
        raise LimitError(f"chunk_size: expected a positive integer, got {chunk_size!r}")
    if sandbox is not None and policy is not None:
        raise LimitError("give a policy or a sandbox, not both")
    if cluster is not None:
        if sandbox is not None:
            raise LimitError("cluster= runs on the workers' own sandboxes: give a policy, not a sandbox")
        from ._dask import run_dask

        return run_dask(iter(jobs), cluster, policy=policy, ordered=ordered, chunk_size=chunk_size)
    from ._local import run_local

    if sandbox is None:
        from ..api import _sandbox_for

        sandbox = _sandbox_for(policy if not isinstance(policy, Path) else str(policy))
    return run_local(iter(jobs), sandbox, concurrency=concurrency, ordered=ordered)
