"""Go: per-program time of new programs, first process (compile) and second process (disk cache).

What a user of a fresh machine sees, on the HumanEval-X Go programs (canonical solutions), beside
native Go running the same programs:

1. ``sandboxes warmup`` in a fresh process with an empty cache directory (the one-off
   standard-library build for wasip1);
2. a fresh process runs every program once with the default policy (policy check, ``go build``,
   the module compile in its child process, the run): per-program wall time, and of it the build
   and the compile;
3. a second fresh process runs them again: each module comes from the disk cache (authenticated,
   deserialized), nothing is built or compiled; then once more in that process (memory cache);
4. natively, with a build cache that has the standard library for linux/amd64: ``go run main.go``
   of each program (not built before), ``go build`` + running the binary, and the binary alone.

Programs run one at a time (per-program times, not throughput). Prints a Markdown table and
writes ``bench/results/go_cache.json``.

    .venv/bin/python bench/bench_go_cache.py [--limit 164]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import common  # noqa: E402

CHILD = """
import json, sys, time
import sandboxes
from corpus.humaneval import programs
limit, passes = int(sys.argv[1]), int(sys.argv[2])
progs = list(programs("go"))[:limit]
rows = []
with sandboxes.Sandbox() as sb:
    for p in range(passes):
        for n, src in progs:
            t0 = time.perf_counter()
            r = sb.run("go", src)
            rows.append({"pass": p, "n": n, "s": time.perf_counter() - t0, "status": r.status.value,
                         "exit_code": r.exit_code, "cache": r.extra.get("cache"),
                         "build_s": r.extra.get("build_s"), "compile_s": r.extra.get("compile_s"),
                         "stdlib_wait_s": r.extra.get("stdlib_wait_s")})
print(json.dumps(rows))
"""


def _child(script: str, args: list[str], env: dict[str, str], timeout: float) -> tuple[Any, float]:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=timeout)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"child failed ({p.returncode}): {p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1]), wall


def _stats(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "p50_ms": common.percentile(values, 0.5) * 1e3,
            "p95_ms": common.percentile(values, 0.95) * 1e3, "mean_ms": sum(values) / len(values) * 1e3,
            "total_s": sum(values)}


def native(progs: list[tuple[int, str]], work: Path) -> dict[str, list[float]]:
    go = common.go_binary()
    if go is None:
        raise SystemExit("no go binary")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(work / "home"), "GOCACHE": str(work / "gocache"),
           "GOPATH": str(work / "gopath"), "GOTOOLCHAIN": "local", "GOPROXY": "off", "CGO_ENABLED": "0",
           "GOFLAGS": "-trimpath", "GOTELEMETRY": "off", "GO111MODULE": "auto"}
    (work / "home").mkdir(parents=True)
    warm = work / "warm"
    warm.mkdir()
    (warm / "main.go").write_text(progs[0][1])
    subprocess.run([go, "build", "-o", "bin", "main.go"], cwd=warm, env=env, check=True, capture_output=True)
    out: dict[str, list[float]] = {"go_run": [], "go_build_exec": [], "exec": []}
    for n, src in progs:
        d = work / f"p{n}"
        d.mkdir()
        (d / "main.go").write_text(src.replace("func main() {", f"func main() {{ _ = {n}", 1))
        t0 = time.perf_counter()
        subprocess.run([go, "run", "main.go"], cwd=d, env=env, capture_output=True)
        out["go_run"].append(time.perf_counter() - t0)
        (d / "main.go").write_text(src)  # another source: go build does not reuse go run's link
        t0 = time.perf_counter()
        subprocess.run([go, "build", "-o", "bin", "main.go"], cwd=d, env=env, check=True, capture_output=True)
        subprocess.run([str(d / "bin")], cwd=d, env={}, capture_output=True)
        out["go_build_exec"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([str(d / "bin")], cwd=d, env={}, capture_output=True)
        out["exec"].append(time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=164, help="first N HumanEval-X Go programs")
    ap.add_argument("--out", help="JSON output path")
    args = ap.parse_args()
    from corpus.humaneval import programs

    progs = list(programs("go"))[: args.limit]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-go-cache") as tmp:
        tmpd = Path(tmp)
        (tmpd / "home").mkdir()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmpd / "home"),
               "XDG_CACHE_HOME": str(tmpd / "xdg"), "LANG": "C.UTF-8"}
        t0 = time.perf_counter()
        w = subprocess.run([sys.executable, "-m", "sandboxes", "warmup", "--json"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=1200)
        warmup_s = time.perf_counter() - t0
        if w.returncode != 0:
            raise SystemExit(f"warmup failed: {w.stdout} {w.stderr[-2000:]}")
        first, first_wall = _child(CHILD, [str(len(progs)), "1"], env, 3600)
        second, second_wall = _child(CHILD, [str(len(progs)), "2"], env, 3600)
        nat = native(progs, tmpd / "native")
    load_after = os.getloadavg()

    def col(rows: list[dict[str, Any]], key: str = "s", p: int = 0) -> list[float]:
        return [r[key] for r in rows if r["pass"] == p and r[key] is not None]

    disk = [r for r in second if r["pass"] == 0]
    data: dict[str, Any] = {
        "programs": len(progs),
        "machine": common.machine_info(),
        "load_before": load_before,
        "load_after": load_after,
        "warmup_s": warmup_s,
        "first_process": {"wall_s": first_wall, "per_program": _stats(col(first)),
                          "build": _stats(col(first, "build_s")), "compile": _stats(col(first, "compile_s")),
                          "ok": sum(r["status"] == "ok" for r in first),
                          "cache": sorted({r["cache"] for r in first})},
        "second_process": {"wall_s": second_wall, "per_program": _stats(col(second)),
                           "first_call_ms": disk[0]["s"] * 1e3,
                           "per_program_after_first": _stats([r["s"] for r in disk[1:]] or [disk[0]["s"]]),
                           "ok": sum(r["status"] == "ok" for r in disk),
                           "cache": sorted({r["cache"] for r in disk}),
                           "compiled": sum(r["compile_s"] is not None for r in disk)},
        "memory_cache": {"per_program": _stats(col(second, p=1))},
        "native": {k: _stats(v) for k, v in nat.items()},
    }
    common.write_json("go_cache", data, args.out)
    fp, sp, mc, nv = data["first_process"], data["second_process"], data["memory_cache"], data["native"]
    print(f"#### Go: {len(progs)} HumanEval-X programs, one at a time; per-program p50 / p95 / total\n")
    print(f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after; "
          f"`sandboxes warmup` (empty cache): {warmup_s:.1f} s\n")
    rows = [
        ["sandbox, first process (build + compile + run)", fp["per_program"]],
        ["&nbsp;&nbsp;of which go build", fp["build"]],
        ["&nbsp;&nbsp;of which module compile (child process)", fp["compile"]],
        ["sandbox, second process (disk cache, nothing compiled)", sp["per_program_after_first"]],
        ["sandbox, same process again (memory cache)", mc["per_program"]],
        ["native `go run main.go` (new program)", nv["go_run"]],
        ["native `go build` + run the binary", nv["go_build_exec"]],
        ["native: run the built binary", nv["exec"]],
    ]
    print("| per program | p50 | p95 | total |\n|---|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {s['p50_ms']:.1f} ms | {s['p95_ms']:.1f} ms | {s['total_s']:.1f} s |")
    print(f"\nfirst process: {fp['ok']}/{len(progs)} ok, cache {fp['cache']}; second process: {sp['ok']}/{len(progs)} "
          f"ok, cache {sp['cache']}, {sp['compiled']} compiled; its first call (engines set up) "
          f"{sp['first_call_ms']:.0f} ms")


if __name__ == "__main__":
    main()
