"""JavaScript runtime benchmark: per-run latency and CPU-bound speed beside Node.

Run: .venv/bin/python bench/bench_javascript.py [--runs N]
Prints a Markdown table and writes bench/results/javascript.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import sandboxes

NODE = shutil.which("node") or "/usr/bin/node"
OUT = Path(__file__).resolve().parent / "results" / "javascript.json"

WORKLOADS = {
    "fib": "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nconsole.log(fib(27));",
    "int_loop": "let s = 0; for (let i = 0; i < 3e7; i++) { s = (s + i * 7) % 1000003; }\nconsole.log(s);",
    "map_heavy": "const m = new Map(); for (let i = 0; i < 3e5; i++) m.set('k' + (i % 50000), i); let t = 0;"
                 " for (const [k, v] of m) t += v; console.log(t);",
    "string_build": "let s = ''; for (let i = 0; i < 3e5; i++) s += String.fromCharCode(97 + i % 26);"
                    " const parts = []; for (let i = 0; i < 2e5; i++) parts.push(i.toString(36)); console.log(s.length + parts.join(',').length);",
}

NODE_VM_LATENCY = r"""
const vm = require('vm'); const n = %d; const t = [];
for (let i = 0; i < n + 20; i++) { const s = process.hrtime.bigint();
  const out = []; vm.runInNewContext('console.log(1)', { console: { log: (...a) => out.push(a.join(' ')) } });
  if (i >= 20) t.push(Number(process.hrtime.bigint() - s) / 1e6); }
t.sort((a, b) => a - b); console.log(JSON.stringify({ p50: t[Math.floor(n * 0.5)], p95: t[Math.floor(n * 0.95)] }));
"""


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * q))]


def latency_sandbox(runs: int, isolation: str) -> dict[str, float]:
    base = sandboxes.default_policy()
    policy = dataclasses.replace(base, javascript=dataclasses.replace(base.javascript, isolation=isolation))
    with sandboxes.Sandbox(policy) as sb:
        for _ in range(20):
            sb.run("js", "console.log(1)")
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            r = sb.run("js", "console.log(1)")
            ts.append((time.perf_counter() - t0) * 1000)
            assert r.stdout == "1\n"
            time.sleep(0.004)  # let the pool refill, as between requests of a service
    return {"p50": pct(ts, 0.5), "p95": pct(ts, 0.95)}


def latency_node_e(runs: int) -> dict[str, float]:
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([NODE, "-e", "console.log(1)"], capture_output=True, check=True)
        ts.append((time.perf_counter() - t0) * 1000)
    return {"p50": pct(ts, 0.5), "p95": pct(ts, 0.95)}


def latency_node_vm(runs: int) -> dict[str, float]:
    p = subprocess.run([NODE, "-e", NODE_VM_LATENCY % runs], capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def cpu(reps: int) -> dict[str, dict[str, float]]:
    out = {}
    for name, code in WORKLOADS.items():
        sb, nd = [], []
        for _ in range(reps):
            r = sandboxes.run("js", code)
            assert r.ok, r.stderr
            sb.append(r.duration_s)
            t0 = time.perf_counter()
            p = subprocess.run([NODE, "-e", code], capture_output=True, text=True, check=True)
            nd.append(time.perf_counter() - t0)
            assert p.stdout == r.stdout, (p.stdout, r.stdout)
        # node's time includes ~40 ms of process start-up; subtract the median start-up cost.
        startup = statistics.median(_node_startup() for _ in range(5))
        s, n = min(sb), max(min(nd) - startup, 1e-6)
        out[name] = {"sandbox_s": s, "node_s": n, "ratio": s / n}
    return out


def _node_startup() -> float:
    t0 = time.perf_counter()
    subprocess.run([NODE, "-e", ""], check=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    results = {
        "latency_ms": {
            "sandboxes.run, isolation: inprocess (pooled mini-racer)": latency_sandbox(a.runs, "inprocess"),
            "sandboxes.run, isolation: worker (default; confined JS worker)": latency_sandbox(a.runs, "worker"),
            "node -e (subprocess)": latency_node_e(min(a.runs, 50)),
            "node vm.runInNewContext (warm, in-process)": latency_node_vm(a.runs),
        },
        "cpu": cpu(a.reps),  # the default policy: the worker
    }
    print("| per-run latency of `console.log(1)` | p50 ms | p95 ms |\n|---|---|---|")
    for k, v in results["latency_ms"].items():
        print(f"| {k} | {v['p50']:.3f} | {v['p95']:.3f} |")
    print("\n| CPU-bound workload | sandboxes s | node s | ratio |\n|---|---|---|---|")
    for k, v in results["cpu"].items():
        print(f"| {k} | {v['sandbox_s']:.3f} | {v['node_s']:.3f} | {v['ratio']:.2f}x |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    sandboxes.Sandbox().close()


if __name__ == "__main__":
    main()
