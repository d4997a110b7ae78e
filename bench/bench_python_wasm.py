"""The wasm Python engine (``python.engine: wasm``) beside native CPython, in one run.

Run: ``.venv/bin/python bench/bench_python_wasm.py [--quick] [--native-python PATH]``. Prints
Markdown tables and writes ``bench/results/python_wasm.json``. The first run on a machine waits
for the one-off build (download with pip, two compiles; ``sandboxes warmup --python-wasm``).

What it measures, interleaved (one wasm sample, then one native sample, and so on, so that a
noisy neighbour hits both columns alike):

- ``print(1)`` on a fresh interpreter: ``Sandbox.run`` with the wasm engine (a new instance from
  the snapshot per run) in-process (``python.isolation: inprocess``) and in its confined worker
  (``worker``, the default: the job and result cross a pipe), beside ``python -I -S -c 'print(1)'``
  as a subprocess, and beside the restricted engine in-process, for reference. ``--print-only``
  measures this row alone.
- The pandas one-liner of issue 16 on a fresh interpreter beside the same script run natively as
  a subprocess (``--native-python``: an interpreter with pandas; this script's own when it has it).
- CPU-bound code: the cross-language workloads of ``bench/common.py``, timed inside the program by
  ``time.perf_counter`` in both (execution only), their geometric mean of wasm/native.

Targets (issue 16): print(1) p50 <= 5 ms and >= 4x faster than ``python -I -S -c``; pandas faster
than native; CPU geomean <= 2.5x.
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import fmt_ms, md_table  # noqa: E402

import sandboxes  # noqa: E402
from sandboxes.policy import default_policy  # noqa: E402

PANDAS = "import pandas as pd; print(pd.DataFrame({'a': range(1000)}).a.sum())"
TARGETS = {"print_p50_ms": 5.0, "print_speedup": 4.0, "cpu_geomean": 2.5}


def wasm_policy(timeout_s: float = 60.0, cache_dir: str | None = None, isolation: str = "inprocess") -> Any:
    p = default_policy()
    limits = dataclasses.replace(p.python.limits, timeout_s=timeout_s, memory_mb=1024)
    return dataclasses.replace(p, python=dataclasses.replace(
        p.python, engine="wasm", limits=limits, wasm_cache_dir=cache_dir, wasm_compile_timeout_s=1800.0,
        isolation=isolation))


def native(python: str, code: str) -> tuple[float, str]:
    t = time.perf_counter()
    p = subprocess.run([python, "-I", "-S", "-c", code] if "pandas" not in code else [python, "-I", "-c", code],
                       capture_output=True, text=True, timeout=120)
    dt = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError(f"native {python} failed: {p.stderr[-300:]}")
    return dt, p.stdout


def timed_run(sb: sandboxes.Sandbox, code: str, timeout: float = 60.0) -> tuple[float, sandboxes.Result]:
    t = time.perf_counter()
    r = sb.run("python", code, timeout=timeout)
    return time.perf_counter() - t, r


def restricted_print(results: dict[str, Any], runs: int) -> None:
    """print(1) on the restricted engine in-process, for reference, on its own after the wasm rows (it
    needs no interleaving with a subprocess: it runs in this process)."""
    restricted = sandboxes.Sandbox(dataclasses.replace(default_policy(), python=dataclasses.replace(
        default_policy().python, isolation="inprocess")))
    rp = []
    for i in range(runs + 5):
        t = time.perf_counter()
        restricted.run("python", f"print({i})")
        if i >= 5:
            rp.append(time.perf_counter() - t)
    restricted.close()
    results["print"]["restricted_inprocess"] = common.summarize(rp)


def has_pandas(python: str) -> bool:
    return subprocess.run([python, "-c", "import pandas"], capture_output=True).returncode == 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--native-python", default=None, help="a CPython with pandas for the pandas row")
    ap.add_argument("--cache-dir", default=None, help="python.wasm_cache_dir (default: the user cache)")
    ap.add_argument("--tier", default="optimized", help="python.wasm_tier")
    ap.add_argument("--print-only", action="store_true", help="only the print(1) row")
    args = ap.parse_args()
    runs = 20 if args.quick else 100
    scale = 0.25 if args.quick else 1.0
    py = sys.executable
    pandas_py = args.native_python or (py if has_pandas(py) else None)

    def policy(isolation: str) -> Any:
        p = wasm_policy(cache_dir=args.cache_dir, isolation=isolation)
        return dataclasses.replace(p, python=dataclasses.replace(p.python, wasm_tier=args.tier))

    sb = sandboxes.Sandbox(policy("inprocess"))
    t = time.perf_counter()
    first = sb.run("python", "print(1)")
    ready_s = time.perf_counter() - t
    assert first.ok and first.stdout == "1\n", (first.status, first.stderr)
    sbw = sandboxes.Sandbox(policy("worker"))
    t = time.perf_counter()
    r = sbw.run("python", "print(1)")
    worker_start_s = time.perf_counter() - t
    assert r.ok and r.stdout == "1\n" and r.extra.get("worker") == "long-lived", (r.status, r.stderr, r.extra)
    guest = sb.run("python", "import sys, numpy, pandas; print(sys.version.split()[0], numpy.__version__, "
                   "pandas.__version__)").stdout.split()

    results: dict[str, Any] = {"runs": runs, "first_run_s": round(ready_s, 3), "guest": guest, "tier": args.tier,
                               "worker_first_run_s": round(worker_start_s, 3)}

    # print(1), interleaved
    w, ww, n, rp = [], [], [], []
    for i in range(runs + 5):
        dw, r = timed_run(sb, f"print({i})")
        assert r.stdout == f"{i}\n", r
        dww, r = timed_run(sbw, f"print({i})")
        assert r.stdout == f"{i}\n", r
        dn, out = native(py, f"print({i})")
        assert out == f"{i}\n"
        if i >= 5:
            w.append(dw)
            ww.append(dww)
            n.append(dn)
    results["print"] = {"wasm": common.summarize(w), "wasm_worker": common.summarize(ww),
                        "native_subprocess": common.summarize(n)}
    sbw.close()
    if args.print_only:
        restricted_print(results, runs)
        pw50, pww50 = results["print"]["wasm"]["p50_ms"], results["print"]["wasm_worker"]["p50_ms"]
        print(md_table(["print(1)", "p50", "p99"], [
            [name, fmt_ms(results["print"][key]["p50_ms"]), fmt_ms(results["print"][key]["p99_ms"])]
            for name, key in (("wasm, in-process", "wasm"), ("wasm, confined worker", "wasm_worker"),
                              ("native python -I -S -c", "native_subprocess"),
                              ("restricted, in-process", "restricted_inprocess"))]))
        print(f"\nthe worker adds {pww50 - pw50:.2f} ms at p50; its first run (worker start) {worker_start_s:.2f} s")
        sb.close()
        return

    # pandas, interleaved
    pw, pn = [], []
    for i in range(max(5, runs // 5)):
        dw, r = timed_run(sb, PANDAS)
        assert r.stdout == "499500\n", (r.status, r.stderr)
        pw.append(dw)
        if pandas_py:
            dn, out = native(pandas_py, PANDAS)
            assert out == "499500\n"
            pn.append(dn)
    results["pandas"] = {"wasm": common.summarize(pw), "native_subprocess": common.summarize(pn) if pn else None,
                         "native_python": pandas_py}

    # CPU-bound workloads, timed inside the programs
    cpu: dict[str, Any] = {}
    for name in common.WORKLOAD_NAMES:
        src = common.workload("python", name, scale)
        ws, ns = [], []
        for _ in range(3):
            _, r = timed_run(sb, src, timeout=60.0)
            res_w, ms_w = common.parse_workload_output(r.stdout)
            p = subprocess.run([py, "-I", "-S", "-c", src], capture_output=True, text=True, timeout=120)
            res_n, ms_n = common.parse_workload_output(p.stdout)
            assert res_w == res_n, (name, res_w, res_n)
            ws.append(ms_w)
            ns.append(ms_n)
        cpu[name] = {"wasm_ms": min(ws), "native_ms": min(ns), "ratio": min(ws) / min(ns)}
    results["cpu"] = cpu
    results["cpu_geomean"] = common.geomean(v["ratio"] for v in cpu.values())
    results["memory_mb_print"] = first.extra.get("memory_mb")
    sb.close()
    restricted_print(results, runs)

    pw50, pn50 = results["print"]["wasm"]["p50_ms"], results["print"]["native_subprocess"]["p50_ms"]
    print(f"guest: CPython {guest[0]}, numpy {guest[1]}, pandas {guest[2]}; host: {sys.version.split()[0]}; "
          f"{runs} runs; first run (build or cache load) {ready_s:.2f} s\n")
    print(md_table(["program", "wasm engine p50", "p99", "native subprocess p50", "p99", "native / wasm"], [
        ["print(1)", fmt_ms(pw50), fmt_ms(results["print"]["wasm"]["p99_ms"]), fmt_ms(pn50),
         fmt_ms(results["print"]["native_subprocess"]["p99_ms"]), f"{pn50 / pw50:.1f}x"],
        ["pandas one-liner", fmt_ms(results["pandas"]["wasm"]["p50_ms"]), fmt_ms(results["pandas"]["wasm"]["p99_ms"]),
         fmt_ms(results["pandas"]["native_subprocess"]["p50_ms"]) if pn else "n/a (no native pandas)",
         fmt_ms(results["pandas"]["native_subprocess"]["p99_ms"]) if pn else "",
         f"{results['pandas']['native_subprocess']['p50_ms'] / results['pandas']['wasm']['p50_ms']:.1f}x" if pn else ""],
    ]))
    print(f"\nwasm engine in its confined worker print(1) p50: {fmt_ms(results['print']['wasm_worker']['p50_ms'])}; "
          f"restricted engine in-process print(1) p50: {fmt_ms(results['print']['restricted_inprocess']['p50_ms'])}\n")
    print(md_table(["workload", "wasm ms", "native ms", "wasm / native"],
                   [[k, f"{v['wasm_ms']:.1f}", f"{v['native_ms']:.1f}", f"{v['ratio']:.2f}x"] for k, v in cpu.items()]
                   + [["geomean", "", "", f"{results['cpu_geomean']:.2f}x"]]))
    out = common.write_json("python_wasm", results)
    print(f"\nwrote {common.rel(out)}")


if __name__ == "__main__":
    main()
