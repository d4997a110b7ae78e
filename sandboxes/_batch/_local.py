"""The local runner: a thread pool over one ``Sandbox``, fed lazily, results as they complete."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from ._jobs import run_job


def in_order(pairs: Iterator[tuple[int, dict[str, Any]]], ordered: bool) -> Iterator[dict[str, Any]]:
    """Results from ``(seq, result)`` pairs: as they come, or (``ordered``) held back to input order."""
    if not ordered:
        for _seq, res in pairs:
            yield res
        return
    held: dict[int, dict[str, Any]] = {}
    want = 0
    for seq, res in pairs:
        held[seq] = res
        while want in held:
            yield held.pop(want)
            want += 1
    for seq in sorted(held):  # only if the input skipped numbers (never from our runners)
        yield held.pop(seq)


def run_local(jobs: Iterator[Any], sandbox: Any, *, concurrency: int, ordered: bool) -> Iterator[dict[str, Any]]:
    return in_order(_completed(jobs, sandbox, concurrency), ordered)


def _completed(jobs: Iterator[Any], sandbox: Any, concurrency: int) -> Iterator[tuple[int, dict[str, Any]]]:
    # At most 2 x concurrency jobs are read ahead: an input of millions of lines is never all in memory.
    window = 2 * concurrency
    pending: dict[Future[dict[str, Any]], int] = {}
    source = enumerate(jobs)
    exhausted = False
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="sandboxes-batch")
    try:
        while True:
            while not exhausted and len(pending) < window:
                try:
                    seq, job = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending[pool.submit(run_job, sandbox, job, seq)] = seq
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield pending.pop(fut), fut.result()  # run_job never raises
    finally:  # the caller stopped early (or the input raised): drop what has not started
        pool.shutdown(wait=True, cancel_futures=True)
