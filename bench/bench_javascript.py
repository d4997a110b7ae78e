"""JavaScript runtime benchmark: per-run latency and CPU-bound speed beside Node, and the CPU
cost of a fresh context and of a HumanEval run, with the prelude from V8's code cache and from its
source (``sandboxes/javascript/_boot.py``) interleaved in the same process.

Run: .venv/bin/python bench/bench_javascript.py [--runs N] [--only-context]
Prints Markdown tables and writes bench/results/javascript.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sandboxes
from sandboxes.javascript import _boot, _engine

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


def _from_source(on: bool, cache: bytes | None) -> None:
    """Contexts made from here on start from the prelude's source (on) or from the code cache."""
    _boot._cache = None if on else cache


def fresh_context_cpu(n: int) -> dict[str, dict[str, float]]:
    """CPU ms (the whole process: V8 runs on the isolate's thread) of ``Context()`` and of its
    ``close()``, no pool, medians of ``n`` each, code cache and source interleaved."""
    _engine.ensure_v8()
    cache = _boot._cache
    assert cache is not None, _boot.status()
    out: dict[str, dict[str, list[float]]] = {k: {"create": [], "close": []} for k in ("code cache", "source")}
    args = {"allow_wasm": False, "allow_shared_memory": False, "max_output_bytes": 1 << 20, "memory_mb": 128}
    for i in range(2 * n + 20):
        kind = "source" if i % 2 else "code cache"
        _from_source(kind == "source", cache)
        t0 = time.process_time()
        ctx = _engine.Context(**args)
        t1 = time.process_time()
        ctx.close()
        t2 = time.process_time()
        assert ctx.from_cache == (kind == "code cache")
        if i >= 20:
            out[kind]["create"].append((t1 - t0) * 1000)
            out[kind]["close"].append((t2 - t1) * 1000)
    _from_source(False, cache)
    return {k: {m: statistics.median(v) for m, v in d.items()} for k, d in out.items()}


def humaneval_cpu(rounds: int) -> dict[str, float]:
    """CPU ms per HumanEval-X program (canonical solution + tests) through ``Sandbox.run`` in-process
    (the pool making each run's context on its thread included): the process's CPU over all runs."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from corpus.humaneval import KNOWN_BAD, assembler, load_tasks, task_number

    build = assembler("javascript")
    progs = [(task_number(t), build(t)) for t in load_tasks("javascript")]
    cache = _boot._cache
    base = sandboxes.default_policy()
    policy = dataclasses.replace(base, javascript=dataclasses.replace(base.javascript, isolation="inprocess"))
    out: dict[str, list[float]] = {"code cache": [], "source": []}
    with sandboxes.Sandbox(policy) as sb:
        for r in range(2 * rounds + 1):
            kind = "source" if r % 2 else "code cache"
            _from_source(kind == "source", cache)
            for _ in range(3):  # the pool's ready contexts are of the kind before: used up first
                sb.run("js", "")
            t0 = time.process_time()
            for num, code in progs:
                res = sb.run("js", code)
                assert res.ok or num in KNOWN_BAD["javascript"], (num, res.stderr[:300])
            if r:  # the first round warms up
                out[kind].append((time.process_time() - t0) * 1000 / len(progs))
    _from_source(False, cache)
    return {k: statistics.median(v) for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--contexts", type=int, default=300, help="fresh contexts of each kind")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the 164 HumanEval programs of each kind")
    ap.add_argument("--only-context", action="store_true", help="only the fresh-context and HumanEval CPU")
    a = ap.parse_args()
    load = os.getloadavg()[0]
    context = fresh_context_cpu(a.contexts)
    humaneval = humaneval_cpu(a.rounds)
    print(f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    print("\n| CPU ms (median), in-process | prelude from the code cache | from its source |\n|---|---|---|")
    print(f"| a fresh context: `Context()` | {context['code cache']['create']:.2f} | {context['source']['create']:.2f} |")
    print(f"| its `close()` | {context['code cache']['close']:.2f} | {context['source']['close']:.2f} |")
    print(f"| a HumanEval-X program through `Sandbox.run` | {humaneval['code cache']:.2f} | {humaneval['source']:.2f} |")
    if a.only_context:
        return
    results = {
        "fresh_context_cpu_ms": context,
        "humaneval_cpu_ms_per_program": humaneval,
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
