"""``sandboxes batch JOBS.jsonl -o RESULTS.jsonl``: JSONL jobs in, JSONL results out, resumable.

Each result is appended and flushed as its job completes, so a batch that is killed loses only the
jobs that were running; ``--resume`` skips every id already in the output (a last line cut short by
the kill is removed first: that job runs again). A job without an ``id`` gets its 0-based line
number as its id; a later line with an id seen before is skipped (each id is in the output once).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import SandboxError
from ._jobs import BadInput


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("jobs", metavar="JOBS.jsonl", help="one job a line (.jsonl or .jsonl.gz)")
    p.add_argument("-o", "--output", required=True, metavar="RESULTS.jsonl",
                   help="results, one a line, appended and flushed as each job completes")
    p.add_argument("--concurrency", type=int, default=2, metavar="N",
                   help="jobs run at once here (default 2; with --cluster each Dask worker thread runs one chunk)")
    p.add_argument("--processes", type=int, default=0, metavar="N",
                   help="run the jobs in N host processes, each with its own sandbox, one job at a time "
                        "(--concurrency is then ignored; default 0: --concurrency threads in this process)")
    p.add_argument("--resume", action="store_true", help="skip the jobs whose id is already in the output")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="run on a Dask cluster (tcp://scheduler:8786); needs sandboxes[dask]")
    p.add_argument("--chunk-size", type=int, metavar="N", help="jobs per Dask task (default 4)")
    p.add_argument("--ordered", action="store_true", help="write results in input order")
    p.add_argument("--summary", metavar="FILE", help="also write the summary as JSON ('-': standard output)")
    p.add_argument("--policy", metavar="FILE", help="policy file (default: the shipped policy.yaml)")
    prog = p.add_mutually_exclusive_group()
    prog.add_argument("--progress", dest="progress", action="store_true", default=None,
                      help="show the progress bar even when standard error is not a terminal")
    prog.add_argument("--no-progress", dest="progress", action="store_false")
    p.set_defaults(func=cmd_batch)


def _open_jobs(path: str) -> IO[str]:
    try:
        if path.endswith(".gz"):
            return gzip.open(path, "rt", encoding="utf-8")
        return open(path, encoding="utf-8")
    except OSError as e:
        raise SandboxError(f"{path}: cannot read: {e.strerror}") from None


def _key(jid: Any) -> str:
    return json.dumps(jid)


def _parse(lineno: int, line: str) -> Any:
    try:
        job = json.loads(line)
    except ValueError as e:
        return BadInput(f"line {lineno + 1}: not JSON: {e}", jid=lineno)
    if isinstance(job, dict) and "id" not in job:
        job["id"] = lineno
    elif not isinstance(job, dict):
        return BadInput(f"line {lineno + 1}: a job must be a JSON object, got {type(job).__name__}", jid=lineno)
    return job


def _id_of(job: Any) -> Any:
    if isinstance(job, BadInput):
        return job.jid
    jid = job.get("id")
    return jid if isinstance(jid, (str, int)) and not isinstance(jid, bool) else repr(jid)


def read_done(path: Path) -> tuple[set[str], list[dict[str, Any]]]:
    """The ids and results already in ``path``; a last line without its newline is cut off the file."""
    if not path.exists():
        return set(), []
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):  # the writer was killed mid-line: that job is not done
        with open(path, "r+b") as fh:
            fh.truncate(end)
        data = data[:end]
    done: set[str] = set()
    results: list[dict[str, Any]] = []
    for raw in data.splitlines():
        try:
            res = json.loads(raw)
        except ValueError:
            continue
        if isinstance(res, dict) and "id" in res:
            done.add(_key(res["id"]))
            results.append(_slim(res))
    return done, results


def _jobs_to_run(path: str, done: set[str]) -> tuple[int, int, Iterator[Any]]:
    """``(to run, skipped as duplicates, jobs)``: a first pass counts, the second reads lazily."""
    seen = set(done)
    todo = dup = 0
    with _open_jobs(path) as fh:
        for lineno, line in enumerate(fh):
            if not line.strip():
                continue
            k = _key(_id_of(_parse(lineno, line)))
            if k in seen:
                dup += k not in done
                continue
            seen.add(k)
            todo += 1

    def jobs() -> Iterator[Any]:
        seen = set(done)
        with _open_jobs(path) as fh:
            for lineno, line in enumerate(fh):
                if not line.strip():
                    continue
                job = _parse(lineno, line)
                k = _key(_id_of(job))
                if k not in seen:
                    seen.add(k)
                    yield job

    return todo, dup, jobs()


class _Progress:
    """A rich progress bar (rate, ETA) on standard error, or a plain line when rich is missing."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.done, self.accepted = total, enabled, 0, 0
        self._rich: Any = None
        self._t0 = time.perf_counter()
        self._last = 0.0
        if not enabled:
            return
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
        except ImportError:
            return
        self._rich = Progress(TextColumn("[bold]batch[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                              TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                              TimeRemainingColumn(), console=Console(stderr=True), transient=False)
        self._task = self._rich.add_task("", total=total, rate="")
        self._rich.start()

    def advance(self, res: dict[str, Any]) -> None:
        self.done += 1
        self.accepted += res.get("verdict") == "accepted"
        if not self.enabled:
            return
        elapsed = time.perf_counter() - self._t0
        rate = f"{self.done / elapsed:.1f} programs/s" if elapsed > 0 else ""
        if self._rich is not None:
            self._rich.update(self._task, advance=1, description=f"{self.accepted} accepted", rate=rate)
        elif elapsed - self._last >= 0.5 or self.done == self.total:
            self._last = elapsed
            eta = (self.total - self.done) * elapsed / self.done
            sys.stderr.write(f"\rbatch {self.done}/{self.total} {self.accepted} accepted {rate} ETA {eta:.0f} s ")
            sys.stderr.flush()

    def close(self) -> None:
        if self._rich is not None:
            self._rich.stop()
        elif self.enabled:
            sys.stderr.write("\n")


def _print_summary(summary: dict[str, Any], out: IO[str]) -> None:
    from ._summary import render_table

    rows = render_table(summary)
    passk = summary.get("pass_at_k")
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            cells = (c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
            print("  ".join(cells), file=out)
    else:
        table = Table(title="sandboxes batch")
        for i, h in enumerate(rows[0]):
            table.add_column(h, justify="left" if i == 0 else "right")
        for r in rows[1:]:
            table.add_row(*r)
        Console(file=out).print(table)
    if passk:
        ks = "  ".join(f"{k} = {v:.4f}" for k, v in passk.items() if k.startswith("pass@"))
        print(f"pass@k over {passk['tasks']} tasks, {passk['samples']} samples: {ks or '(too few samples)'}", file=out)


def cmd_batch(args: argparse.Namespace) -> int:
    from . import batch
    from ._summary import summarize

    if args.concurrency < 1:
        raise SandboxError("--concurrency: expected a positive integer")
    processes = args.processes
    if processes < 0:
        raise SandboxError("--processes: expected an integer >= 0")
    if args.cluster:
        processes = 0
    out = Path(args.output)
    if not args.resume and out.exists() and out.stat().st_size > 0:
        raise SandboxError(f"{out} exists and is not empty: add --resume to go on with it, or remove it")
    done, previous = read_done(out) if args.resume else (set(), [])
    todo, dup, jobs = _jobs_to_run(args.jobs, done)
    if dup:
        print(f"sandboxes batch: {dup} line(s) repeat an id seen before and are skipped", file=sys.stderr)
    if args.resume and done:
        print(f"sandboxes batch: resuming: {len(done)} job(s) already in {out}, {todo} to run", file=sys.stderr)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    results = batch(jobs, concurrency=args.concurrency, ordered=args.ordered, policy=args.policy,
                    cluster=args.cluster, chunk_size=args.chunk_size, processes=processes)
    progress = _Progress(todo, show)
    new: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    last: dict[str, float] = {}
    ran: dict[str, int] = {}
    try:
        with open(out, "a", encoding="utf-8") as fh:
            for res in results:
                fh.write(json.dumps(res, ensure_ascii=False) + "\n")
                fh.flush()  # a killed batch keeps every line written so far
                lang = str(res.get("lang", "?"))
                now = time.perf_counter() - t0
                last[lang] = last["all"] = now
                ran[lang] = ran.get(lang, 0) + 1
                ran["all"] = ran.get("all", 0) + 1
                new.append(_slim(res))
                progress.advance(res)
            os.fsync(fh.fileno())
    except OSError as e:
        raise SandboxError(f"{out}: cannot write: {e.strerror}") from None
    finally:
        progress.close()
    summary = summarize([*previous, *new], seconds=last, ran=ran)
    summary["run"] = {"jobs": ran.get("all", 0), "seconds": round(time.perf_counter() - t0, 3),
                      "resumed_from": len(done), "concurrency": args.concurrency, "processes": processes,
                      "cluster": args.cluster}
    _print_summary(summary, sys.stderr if args.summary == "-" else sys.stdout)  # '-': stdout is the JSON
    if args.summary:
        text = json.dumps(summary, indent=2)
        if args.summary == "-":
            print(text)
        else:
            try:
                Path(args.summary).write_text(text + "\n", encoding="utf-8")
            except OSError as e:
                raise SandboxError(f"{args.summary}: cannot write: {e.strerror}") from None
    return 0


def _slim(res: dict[str, Any]) -> dict[str, Any]:
    """What the summary needs of a result (a batch of 100k jobs keeps no outputs in memory)."""
    return {k: res[k] for k in ("id", "lang", "task", "verdict") if k in res}
