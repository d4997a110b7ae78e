"""Batch grading throughput: the 492 HumanEval-X programs through ``sandboxes batch``, beside one
subprocess per program, and the same batch on a Dask ``LocalCluster``.

Each program is a task's canonical solution with its hidden tests (``corpus/humaneval*.py``
assemble them); it passes when it prints nothing and exits 0, so each job has one test case with
an empty expected output (``compare: exact``). Per language, in the same run:

1. ``sandboxes batch jobs.jsonl -o results.jsonl --concurrency 2``, a fresh process, wall time of
   the whole command (interpreter start, sandbox start-up, every job, the summary);
   Go twice: *new programs* (each one built and its module compiled, the standard library built
   before by ``sandboxes warmup``, not counted) and *cached* (a second process, modules from the
   disk cache);
2. the baseline: one subprocess per program, two at a time: ``python -c CODE``, ``node FILE``,
   ``go run main.go`` (a build cache holding the standard library, as a developer's machine has);
3. ``sandboxes batch --processes 2``: the same jobs in two host processes of the command's own
   (Go: modules from the disk cache);
4. ``sandboxes batch --cluster tcp://...`` on a ``distributed.LocalCluster`` of 2 worker processes
   (one thread each) started by this script (Go: modules from the disk cache).

The corpus directory (holding ``humaneval_{python,js,go}.jsonl.gz``) comes from ``--corpus`` or
``$HUMANEVAL_X_DIR``, else the copy in ``corpus/humaneval-x``. The sandbox's caches live in a
temporary ``XDG_CACHE_HOME``, as on a fresh machine. Beside wall times, the CPU time per program
of each command and its processes (``RUSAGE_CHILDREN``: less at the mercy of the machine's load
than wall time; not for the cluster, whose workers outlive the run). Writes
``bench/results/batch.json`` and prints a Markdown table.

    .venv/bin/python bench/bench_batch.py [--corpus DIR] [--langs python,javascript,go] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

from corpus.humaneval import KNOWN_BAD, assembler  # noqa: E402

FILES = {"python": "humaneval_python.jsonl.gz", "javascript": "humaneval_js.jsonl.gz", "go": "humaneval_go.jsonl.gz"}
EXT = {"python": "py", "javascript": "js", "go": "go"}


def load_programs(corpus: Path, lang: str, limit: int | None) -> list[tuple[int, str]]:
    with gzip.open(corpus / FILES[lang], "rt", encoding="utf-8") as fh:
        tasks = [json.loads(line) for line in fh if line.strip()]
    build = assembler(lang)
    progs = [(int(t["task_id"].split("/")[1]), build(t)) for t in tasks]
    return progs[:limit] if limit else progs


def write_jobs(path: Path, lang: str, progs: list[tuple[int, str]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for n, code in progs:
            fh.write(json.dumps({"id": f"{lang}/{n}", "lang": lang, "task": n, "code": code, "timeout": 20,
                                 "compare": "exact", "tests": [{"stdin": "", "expected_stdout": ""}]}) + "\n")


def sandbox_batch(jobs: Path, out: Path, env: dict[str, str], concurrency: int,
                  cluster: str | None = None, processes: int = 0) -> dict[str, Any]:
    """Run the CLI in a fresh process; its wall time, and each job's verdict."""
    out.unlink(missing_ok=True)
    summary = out.with_suffix(".summary.json")
    argv = [sys.executable, "-m", "sandboxes", "batch", str(jobs), "-o", str(out), "--no-progress",
            "--concurrency", str(concurrency), "--summary", str(summary)]
    if cluster:
        argv += ["--cluster", cluster]
    if processes:
        argv += ["--processes", str(processes)]
    t0, cpu0 = time.perf_counter(), _children_cpu()
    p = subprocess.run(argv, cwd=common.ROOT, env=env, capture_output=True, text=True, timeout=3600)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if p.returncode != 0:
        raise SystemExit(f"sandboxes batch failed ({p.returncode}):\n{p.stderr[-3000:]}")
    verdicts = {r["id"]: r["verdict"] for r in map(json.loads, out.read_text().splitlines())}
    return {"wall_s": round(wall, 3), "programs": len(verdicts), "programs_per_s": round(len(verdicts) / wall, 2),
            "cpu_ms_per_program": round(cpu * 1000 / max(len(verdicts), 1), 2),
            "accepted": sum(v == "accepted" for v in verdicts.values()), "verdicts": verdicts,
            "summary": json.loads(summary.read_text())}


def _children_cpu() -> float:
    """CPU seconds of the children this script has waited for (with the processes they waited for:
    a batch's fork server and workers, a ``go run``'s compiler). A cluster's workers are not among
    them (they live until the end): the ``--cluster`` rows count the client's CPU only."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def native_batch(lang: str, progs: list[tuple[int, str]], work: Path, concurrency: int) -> dict[str, Any] | None:
    """One subprocess per program, ``concurrency`` at a time: passes = exit 0 and no stdout."""
    work.mkdir(parents=True, exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(work), "LANG": "C.UTF-8"}
    if lang == "python":
        def argv(n: int, code: str) -> tuple[list[str], Path]:
            return [sys.executable, "-c", code], work
    elif lang == "javascript":
        node = shutil.which("node")
        if node is None:
            return None

        def argv(n: int, code: str) -> tuple[list[str], Path]:
            f = work / f"p{n}.js"
            f.write_text(code)
            return [node, str(f)], work
    else:
        go = common.go_binary()
        if go is None:
            return None
        env.update({"GOCACHE": str(work / "gocache"), "GOPATH": str(work / "gopath"), "GOTOOLCHAIN": "local",
                    "GOPROXY": "off", "CGO_ENABLED": "0", "GOTELEMETRY": "off", "GO111MODULE": "auto"})
        warm = work / "warm"
        warm.mkdir()
        (warm / "main.go").write_text(progs[0][1])  # the standard library into the build cache, not timed
        subprocess.run([go, "build", "-o", "bin", "main.go"], cwd=warm, env=env, check=True, capture_output=True)

        def argv(n: int, code: str) -> tuple[list[str], Path]:
            d = work / f"p{n}"
            d.mkdir()
            (d / "main.go").write_text(code)
            return [go, "run", "main.go"], d

    def one(item: tuple[int, str]) -> tuple[str, bool]:
        n, code = item
        cmd, cwd = argv(n, code)
        try:
            p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            return f"{lang}/{n}", False
        return f"{lang}/{n}", p.returncode == 0 and not p.stdout

    t0, cpu0 = time.perf_counter(), _children_cpu()
    with ThreadPoolExecutor(concurrency) as pool:
        passed = dict(pool.map(one, progs))
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    return {"wall_s": round(wall, 3), "programs": len(passed), "programs_per_s": round(len(passed) / wall, 2),
            "cpu_ms_per_program": round(cpu * 1000 / max(len(passed), 1), 2),
            "accepted": sum(passed.values()), "passed": passed}


def agreement(sandbox: dict[str, Any], native: dict[str, Any] | None) -> int | None:
    if native is None:
        return None
    return sum((v == "accepted") == native["passed"].get(k) for k, v in sandbox["verdicts"].items())


def differing(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """The ids whose verdicts differ (a flaky program of ``KNOWN_BAD`` may, from run to run)."""
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("HUMANEVAL_X_DIR"),
                    help="directory of humaneval_{python,js,go}.jsonl.gz (default: $HUMANEVAL_X_DIR, "
                         "else corpus/humaneval-x)")
    ap.add_argument("--langs", default="python,javascript,go")
    ap.add_argument("--limit", type=int, help="only the first N tasks per language")
    ap.add_argument("--concurrency", type=int, default=2)
    ap.add_argument("--no-cluster", action="store_true", help="skip the LocalCluster run")
    ap.add_argument("--out", help="JSON output (default bench/results/batch.json)")
    args = ap.parse_args()
    corpus = Path(args.corpus) if args.corpus else common.ROOT / "corpus" / "humaneval-x"
    langs = args.langs.split(",")
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    load_before = os.getloadavg()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp / "home"),
           "XDG_CACHE_HOME": str(tmp / "xdg"), "LANG": "C.UTF-8"}
    (tmp / "home").mkdir()
    data: dict[str, Any] = {"machine": common.machine_info(), "versions": common.versions(),
                            "concurrency": args.concurrency, "languages": {}}
    cluster = client = None
    try:
        if not args.no_cluster:
            os.environ.update({k: env[k] for k in ("HOME", "XDG_CACHE_HOME")})  # the workers' caches: the same
            from distributed import Client, LocalCluster

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address="127.0.0.1:0", worker_dashboard_address="127.0.0.1:0")
            client = Client(cluster)
        for lang in langs:
            progs = load_programs(corpus, lang, args.limit)
            jobs = tmp / f"{lang}.jsonl"
            write_jobs(jobs, lang, progs)
            row: dict[str, Any] = {"programs": len(progs), "known_bad": sorted(KNOWN_BAD.get(lang, ())),
                                   "load_before": os.getloadavg()}
            if lang == "go":
                t0 = time.perf_counter()
                w = subprocess.run([sys.executable, "-m", "sandboxes", "warmup"], cwd=common.ROOT, env=env,
                                   capture_output=True, text=True, timeout=900)
                row["warmup_s"] = round(time.perf_counter() - t0, 1)
                if w.returncode != 0:
                    raise SystemExit(f"sandboxes warmup failed:\n{w.stdout}\n{w.stderr}")
                row["new_programs"] = sandbox_batch(jobs, tmp / f"{lang}-new.jsonl", env, args.concurrency)
            row["sandbox"] = sandbox_batch(jobs, tmp / f"{lang}.out.jsonl", env, args.concurrency)
            row["processes"] = sandbox_batch(jobs, tmp / f"{lang}-procs.jsonl", env, args.concurrency,
                                             processes=args.concurrency)
            row["processes_same_verdicts"] = row["processes"]["verdicts"] == row["sandbox"]["verdicts"]
            row["native"] = native_batch(lang, progs, tmp / f"native-{lang}", args.concurrency)
            if client is not None:
                row["cluster"] = sandbox_batch(jobs, tmp / f"{lang}-cluster.jsonl", env, args.concurrency,
                                               cluster=cluster.scheduler_address)
                row["cluster_same_verdicts"] = row["cluster"]["verdicts"] == row["sandbox"]["verdicts"]
                row["cluster_differs"] = differing(row["cluster"]["verdicts"], row["sandbox"]["verdicts"])
            row["agree_with_native"] = agreement(row["sandbox"], row["native"])
            if row["native"] is not None:
                native = {k: "accepted" if ok else "failed" for k, ok in row["native"]["passed"].items()}
                ours = {k: "accepted" if v == "accepted" else "failed" for k, v in row["sandbox"]["verdicts"].items()}
                row["native_differs"] = differing(ours, native)
            row["load_after"] = os.getloadavg()
            data["languages"][lang] = row
            print(f"{lang}: sandbox {row['sandbox']['programs_per_s']}/s, native "
                  f"{(row['native'] or {}).get('programs_per_s')}/s", file=sys.stderr)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(tmp, ignore_errors=True)
    data["load_before"], data["load_after"] = load_before, os.getloadavg()
    path = common.write_json("batch", data, args.out)
    print(render(data))
    print(f"\nwritten to {common.rel(path)}", file=sys.stderr)


def render(data: dict[str, Any]) -> str:
    rows = []
    for lang, row in data["languages"].items():
        nat = row["native"]
        runs = [("sandboxes batch" + (" (cached modules)" if lang == "go" else ""), row["sandbox"])]
        if "new_programs" in row:
            runs.insert(0, ("sandboxes batch (new programs: build + compile each)", row["new_programs"]))
        if "processes" in row:
            runs.append((f"sandboxes batch --processes {data['concurrency']} (host processes)", row["processes"]))
        if "cluster" in row:
            runs.append(("sandboxes batch --cluster (LocalCluster, 2 workers)", row["cluster"]))
        for label, r in runs:
            ratio = f"{r['programs_per_s'] / nat['programs_per_s']:.1f}x" if nat else "–"
            rows.append([lang, label, f"{r['accepted']}/{r['programs']}", f"{r['wall_s']:.1f}",
                         f"{r['programs_per_s']:.1f}", ratio, _cpu(r, "cluster" in label)])
        if nat:
            base = {"python": "`python -c`", "javascript": "`node FILE`", "go": "`go run main.go`"}[lang]
            rows.append([lang, f"baseline: one subprocess per program, {base}", f"{nat['accepted']}/{nat['programs']}",
                         f"{nat['wall_s']:.1f}", f"{nat['programs_per_s']:.1f}", "1x", _cpu(nat, False)])
    return common.md_table(["language", "run (concurrency 2)", "passed", "wall s", "programs/s", "vs baseline",
                            "CPU ms/program"], rows)


def _cpu(run: dict[str, Any], cluster: bool) -> str:
    if cluster or "cpu_ms_per_program" not in run:  # a cluster's workers are not this script's children
        return "–"
    return f"{run['cpu_ms_per_program']:.1f}"


if __name__ == "__main__":
    main()
