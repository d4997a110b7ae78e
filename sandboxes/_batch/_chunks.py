"""Jobs in chunks on other processes, whoever runs them: the one loop of ``_dask`` and ``_procs``.

Chunks of ``(position, job)`` go out through ``submit``, a bounded number in flight, read from the
input lazily; ``next_done`` gives back a finished chunk's handle and a function returning its
``(position, result)`` pairs (or raising). When the process running a chunk died (``is_death``),
every job of the chunk is tried alone, one at a time (a process's death also fails the chunks beside
it, whoever caused it), up to ``SINGLE_TRIES`` times, and then gets an ``error`` result. The
positions already yielded are kept and any second result for one is dropped: no job is lost or
counted twice.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Callable, Iterator
from typing import Any

from ._jobs import failed_result, job_id

SINGLE_TRIES = 2  # a job whose process died is tried alone this many times before its result says error

Chunk = list[tuple[int, Any]]
Pairs = list[tuple[int, dict[str, Any]]]


def run_chunks(jobs: Iterator[Any], *, submit: Callable[[Chunk], Any],
               next_done: Callable[[], tuple[Any, Callable[[], Pairs]]], is_death: Callable[[BaseException], bool],
               chunk_size: int, window: int, who: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(position, result)`` of every job of ``jobs``, as their chunks complete.

    ``window``: chunks in flight at most; ``who``: what ran them, for an error result
    ("the Dask workers", "the batch's host processes").
    """
    source = enumerate(jobs)
    exhausted = False
    chunks: dict[Any, Chunk] = {}
    singles: dict[Any, int] = {}  # handle of a suspect (a job run alone) -> its tries so far
    suspects: collections.deque[tuple[tuple[int, Any], int]] = collections.deque()
    done_seqs: set[int] = set()

    def put(chunk: Chunk, tries: int = 0) -> None:
        key = submit(chunk)
        chunks[key] = chunk
        if tries:
            singles[key] = tries

    while True:
        if suspects and not singles:
            pair, tries = suspects.popleft()
            put([pair], tries + 1)
        while not exhausted and len(chunks) < window:
            chunk = list(itertools.islice(source, chunk_size))
            if len(chunk) < chunk_size:
                exhausted = True
            if chunk:
                put(chunk)
        if not chunks:
            return
        key, get = next_done()
        chunk = chunks.pop(key)
        tries = singles.pop(key, 0)
        try:
            pairs = get()
        except Exception as e:  # noqa: BLE001 - a chunk's failure is its jobs' error, not the batch's
            if not is_death(e):
                pairs = [(seq, failed_result(job_id(job, seq), job, "error",
                                             f"task failed: {type(e).__name__}: {e}")) for seq, job in chunk]
            elif tries < SINGLE_TRIES:  # find the job that kills its process
                suspects.extend((pair, tries) for pair in chunk)
                continue
            else:
                pairs = [(seq, failed_result(job_id(job, seq), job, "error",
                                             f"{who} running this job died: {e}")) for seq, job in chunk]
        for seq, res in pairs:
            if seq not in done_seqs:  # a rerun chunk that had already returned: never counted twice
                done_seqs.add(seq)
                yield seq, res
