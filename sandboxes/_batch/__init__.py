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

import dataclasses
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import LimitError
from ..policy import Policy, resolve_policy
from ._jobs import COMPARE_MODES, NOT_JUDGED, VERDICTS, outputs_match

__all__ = ["COMPARE_MODES", "NOT_JUDGED", "VERDICTS", "batch", "outputs_match"]


def batch(jobs: Iterable[Any], *, concurrency: int = 2, ordered: bool = False, policy: Any = None,
          sandbox: Any = None, cluster: Any = None, chunk_size: int | None = None,
          processes: int = 0) -> Iterator[dict[str, Any]]:
    """Run ``jobs`` and yield one result dict per job as each completes. Never raises for a job.

    ``concurrency``: jobs run at once on this machine (threads sharing one ``Sandbox``; each job's
    test cases run one after another). ``policy`` (a ``Policy``, a path or ``None`` for the shipped
    one) or ``sandbox`` (a ``Sandbox`` of yours, not closed by this call) says where to run; a
    sandbox of the policy's gets as many long-lived JS (and Go worker) processes as jobs run at
    once, up to one per core; yours runs as many as its policy says.
    ``cluster``: a Dask scheduler address (``tcp://host:8786``), a ``distributed.Client`` or a cluster
    object (``LocalCluster``): jobs go out in chunks of ``chunk_size`` to Dask workers, each with one
    ``Sandbox`` of ``policy`` (a path is read on each worker), and ``concurrency`` is ignored (each
    worker runs as many chunks as it has threads). ``processes``: when not 0, jobs run in that many
    host processes started for this batch (``multiprocessing`` spawn), each with its own ``Sandbox``
    of ``policy`` running one job at a time (``concurrency`` is ignored), in chunks of ``chunk_size``;
    a process that dies is replaced and its jobs run again, none lost or counted twice. Jobs are
    read from the iterable lazily.

    Raises ``LimitError`` at once for bad arguments; ``RuntimeUnavailableError`` when ``cluster`` is
    given and ``distributed`` is not installed (``pip install 'sandboxes[dask]'``).
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise LimitError(f"concurrency: expected a positive integer, got {concurrency!r}")
    if chunk_size is not None and (isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1):
        raise LimitError(f"chunk_size: expected a positive integer, got {chunk_size!r}")
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 0:
        raise LimitError(f"processes: expected an integer >= 0, got {processes!r}")
    if sandbox is not None and policy is not None:
        raise LimitError("give a policy or a sandbox, not both")
    if processes and (sandbox is not None or cluster is not None):
        raise LimitError("processes= starts sandboxes of its own: give a policy, not a sandbox or a cluster")
    if cluster is not None:
        if sandbox is not None:
            raise LimitError("cluster= runs on the workers' own sandboxes: give a policy, not a sandbox")
        from ._dask import run_dask

        return run_dask(iter(jobs), cluster, policy=policy, ordered=ordered, chunk_size=chunk_size)
    from ._local import in_order, run_local

    if processes:
        from ._procs import run_procs

        pol = str(policy) if isinstance(policy, Path) else policy
        return in_order(run_procs(iter(jobs), processes=processes, policy=pol, chunk_size=chunk_size), ordered)
    if sandbox is None:
        sandbox = _sized_sandbox(policy if not isinstance(policy, Path) else str(policy), concurrency)
    return run_local(iter(jobs), sandbox, concurrency=concurrency, ordered=ordered)


# Long-lived worker pools (JavaScript; Go and the wasm Python engine under isolation: worker) run one
# program per worker: a pool of ``workers: 1`` runs a batch's jobs of that language one at a time
# whatever its concurrency. The batch's own sandbox has as many workers as it runs jobs at once, up to
# one per core (a JS worker holds ~75 MB, a wasm Python one ~130 MB; more workers than cores would not
# run more programs at once). Restricted Python forks a child per run: its pool is not one of these.
_POOLED = ("javascript", "go", "python")
_sized_lock = threading.Lock()
_sized: dict[tuple[Any, ...], tuple[Policy, Policy]] = {}  # -> (the caller's policy, the batch's)


def _sized_sandbox(policy: Policy | str | None, concurrency: int) -> Any:
    """The shared ``Sandbox`` of ``policy`` for a batch of ``concurrency`` jobs at once.

    Only the pool sizes differ from ``policy`` (``workers``, no limit and no layer), so runs are
    as isolated as the policy says and its ``sha256`` (in audit records) stays the policy's own.
    """
    from ..api import _sandbox_for

    pol = resolve_policy(policy)
    want = min(concurrency, os.cpu_count() or 1)
    grow: dict[str, Any] = {lang: dataclasses.replace(lp, workers=want) for lang in _POOLED
                            if (lp := pol.for_language(lang)).isolation == "worker" and lp.workers < want
                            and (lang != "python" or getattr(lp, "engine", "") == "wasm")}
    if not grow:
        return _sandbox_for(policy)
    key = (pol.source, pol.sha256 or id(pol), want)
    with _sized_lock:
        held = _sized.get(key)
        if held is None or held[0] != pol:
            held = _sized[key] = (pol, dataclasses.replace(pol, **grow))
    return _sandbox_for(held[1])
