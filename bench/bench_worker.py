"""Warm worker-pool latency of ``print(1)`` beside a plain ``python -I -c "print(1)"`` subprocess.

Run: ``.venv/bin/python bench/bench_worker.py [--runs N]``. Prints a Markdown
table and writes ``bench/results/worker.json``.

Rows:
- ``subprocess``: a new interpreter per run, what the pool replaces.
- ``worker (raw)``: the process layer alone (fork server, confined spare
  child, job and result over pipes), host-level Python in the child; the cost
  of the kernel layers without the language layer.
- ``worker (RestrictedPython)``: the production path of ``isolation: worker``
  for Python: the same, with the Python runtime in the child.
- ``sandboxes.run``: the facade on top (argument checks, audit event).

Each worker row is measured twice: back to back, and paced (a 5 ms pause
between runs, as a service handling requests would see), since on a small
machine the refill fork competes with the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sandboxes.errors import RuntimeUnavailableError  # noqa: E402
from sandboxes.isolation import WorkerBackend  # noqa: E402
from sandboxes.policy import default_policy  # noqa: E402


def _stats(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    pick = lambda q: s[min(len(s) - 1, int(q * len(s)))]  # noqa: E731
    return {"n": len(s), "p50_ms": pick(0.50) * 1e3, "p95_ms": pick(0.95) * 1e3,
            "mean_ms": statistics.fmean(s) * 1e3, "min_ms": s[0] * 1e3}


def _measure(fn: Callable[[], Any], runs: int, pause_s: float = 0.0) -> dict[str, float]:
    for _ in range(5):  # warm-up: server started, spares forked
        fn()
    time.sleep(0.3)
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
        if pause_s:
            time.sleep(pause_s)
    return _stats(samples)


def _check(result: Any) -> None:
    if result.status != "ok" or result.stdout != "1\n":
        raise SystemExit(f"benchmark program failed: {result.status} {result.stderr!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "worker.json"))
    args = ap.parse_args()
    policy = default_policy()
    limits = policy.python.limits
    rows: dict[str, dict[str, Any]] = {}

    argv = [sys.executable, "-I", "-c", "print(1)"]
    rows["subprocess `python -I -c`"] = _measure(
        lambda: subprocess.run(argv, stdout=subprocess.PIPE, check=True), max(30, args.runs // 5))

    with WorkerBackend("python", policy, _raw=True) as raw:
        fn = lambda: _check(raw.run("print(1)", stdin="", limits=limits))  # noqa: E731
        rows["worker (raw), back to back"] = _measure(fn, args.runs)
        rows["worker (raw), paced 5 ms"] = _measure(fn, args.runs, 0.005)
        layers = list(raw.run("print(1)", stdin="", limits=limits).isolation)

    notes = []
    try:
        with WorkerBackend("python", policy) as backend:
            fn = lambda: _check(backend.run("print(1)", stdin="", limits=limits))  # noqa: E731
            rows["worker (RestrictedPython), back to back"] = _measure(fn, args.runs)
            rows["worker (RestrictedPython), paced 5 ms"] = _measure(fn, args.runs, 0.005)
        import sandboxes

        with sandboxes.Sandbox(policy) as sb:
            fn = lambda: _check(sb.run("python", "print(1)"))  # noqa: E731
            rows["`Sandbox.run` (facade), paced 5 ms"] = _measure(fn, args.runs, 0.005)
    except RuntimeUnavailableError as e:
        notes.append(f"the Python runtime is unavailable: {e}")

    base = rows["subprocess `python -I -c`"]["p50_ms"]
    print(f"Python worker pool, `print(1)`; {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}; layers: {', '.join(layers)}; spares: {policy.python.workers}\n")
    print("| path | runs | p50 ms | p95 ms | mean ms | speed-up vs subprocess (p50) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in rows.items():
        r["speedup_p50"] = base / r["p50_ms"]
        print(f"| {name} | {r['n']} | {r['p50_ms']:.2f} | {r['p95_ms']:.2f} | {r['mean_ms']:.2f} | "
              f"{r['speedup_p50']:.1f}x |")
    for n in notes:
        print(f"\nNote: {n}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"benchmark": "worker", "program": "print(1)", "machine": platform.machine(),
                               "cpus": os.cpu_count(), "python": platform.python_version(), "layers": layers,
                               "spares": policy.python.workers, "rows": rows, "notes": notes}, indent=2) + "\n")
    print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
