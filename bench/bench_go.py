"""Go runtime benchmark, measured beside native Go in the same script.

* latency of a new program (policy check + ``go build`` + module compile + run)
  and of a cached program (module from the in-memory cache + run), hello world, p50;
  natively: ``go build`` of the same program in a fresh directory + running the binary;
* CPU-bound workloads, wasm (optimized tier, cached) vs native Go built for
  linux with ``GOMAXPROCS=1``: recursive fib, integer loop, map-heavy, string
  building; ratio per workload and geometric mean. The same module is also run
  in a bare wasmtime (same Cranelift settings, no sandbox code), with the epoch
  deadline on and with no deadline at all: what the engine and Go's wasm port
  cost on their own, measured in the same script. The cross-language workloads
  of ``bench/run.py`` (``common.WORKLOAD_NAMES``, timed inside the program) get
  the same four columns.

Prints a Markdown table and writes ``bench/results/go.json``.

    .venv/bin/python bench/bench_go.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import common  # noqa: E402  (bench/common.py: the cross-language workloads)
import sandboxes  # noqa: E402
from sandboxes.go import warmup  # noqa: E402
from sandboxes.go._toolchain import Toolchain, default_cache_dir  # noqa: E402
from sandboxes.policy import default_policy  # noqa: E402

HELLO = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello %d") }\n'

WORKLOADS = {
    "fib": '''package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() { fmt.Println(fib(35)) }
''',
    "loop": '''package main

import "fmt"

func main() {
	var s uint64
	for i := uint64(0); i < 400000000; i++ {
		s += i*i ^ (i >> 3)
	}
	fmt.Println(s)
}
''',
    "map": '''package main

import "fmt"

func main() {
	m := make(map[int]int)
	for i := 0; i < 3000000; i++ {
		m[i*7%1000003] += i
	}
	s := 0
	for k, v := range m {
		s += k ^ v
	}
	fmt.Println(len(m), s)
}
''',
    "strings": '''package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	n := 0
	for j := 0; j < 25; j++ {
		var b strings.Builder
		for i := 0; i < 200000; i++ {
			b.WriteString(strconv.Itoa(i))
			b.WriteByte(',')
		}
		n += len(strings.Split(b.String(), ","))
	}
	fmt.Println(n)
}
''',
}


def p50(xs: list[float]) -> float:
    return statistics.median(xs)


def native_env(tc: Toolchain, tmp: Path) -> dict[str, str]:
    env = tc.env()
    env.update({"GOOS": "linux", "GOARCH": "amd64", "GOTMPDIR": str(tmp), "TMPDIR": str(tmp)})
    return env


def native_build(tc: Toolchain, src: str, tmp: Path) -> tuple[Path, float]:
    d = Path(tempfile.mkdtemp(dir=tmp))
    (d / "main.go").write_text(src)
    (d / "go.mod").write_text(f"module bench\n\ngo {tc.language_version}\n")
    t0 = time.perf_counter()
    subprocess.run([str(tc.binary), "build", "-trimpath", "-o", "prog", "."], cwd=d, env=native_env(tc, tmp),
                   check=True, capture_output=True)
    return d / "prog", time.perf_counter() - t0


def native_run(binary: Path) -> tuple[str, float]:
    t0 = time.perf_counter()
    p = subprocess.run([str(binary)], env={"GOMAXPROCS": "1"}, capture_output=True, text=True, check=True)
    return p.stdout, time.perf_counter() - t0


def plain_engines() -> dict[str, Any]:
    """Bare wasmtime engines with the optimized tier's Cranelift settings: epoch deadline on / off."""
    import wasmtime

    from sandboxes.go._wasm import TIERS

    engines = {}
    for name, epoch in (("plain_epoch", True), ("plain_no_deadline", False)):
        cfg = wasmtime.Config()
        cfg.epoch_interruption = epoch
        cfg.cranelift_opt_level = TIERS["optimized"]["cranelift_opt_level"]
        cfg.cranelift_flag_set("regalloc_algorithm", TIERS["optimized"]["regalloc_algorithm"])
        engines[name] = wasmtime.Engine(cfg)
    return engines


def plain_run(engine: Any, module: Any, tmp: Path, *, epoch: bool) -> tuple[str, float]:
    """Run a wasip1 module in a bare Store + WASI (stdout to a file); (stdout, seconds incl. instantiation)."""
    import wasmtime

    out = Path(tempfile.mkstemp(dir=tmp)[1])
    t0 = time.perf_counter()
    store = wasmtime.Store(engine)
    if epoch:
        store.set_epoch_deadline(1 << 40)  # never reached: the check's cost is what is measured
    wasi = wasmtime.WasiConfig()
    wasi.argv = ["main"]
    wasi.stdout_file = str(out)
    store.set_wasi(wasi)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    instance = linker.instantiate(store, module)
    try:
        instance.exports(store)["_start"](store)
    except wasmtime.ExitTrap as e:
        if e.code != 0:
            raise
    secs = time.perf_counter() - t0
    return out.read_text(), secs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--cpu-repeat", type=int, default=3)
    args = ap.parse_args()

    base = default_policy()
    limits = dataclasses.replace(base.go.limits, timeout_s=120.0)
    policy = dataclasses.replace(base, go=dataclasses.replace(base.go, limits=limits))
    summary = warmup(policy)
    root = Path(policy.go.cache_dir) if policy.go.cache_dir else default_cache_dir()
    tc = Toolchain(root, policy.go.go_binary)
    tmp = Path(tempfile.mkdtemp(prefix="bench-go-"))
    sb = sandboxes.Sandbox(policy)
    try:
        # -- latency. New programs first, each run once (so no background
        # recompilation competes with them); then one program run many times.
        new, native_new, native_cached, build_s, compile_s = [], [], [], [], []
        for i in range(args.repeat):
            src = HELLO % (time.time_ns() + i)  # a new source: cache miss
            t0 = time.perf_counter()
            r = sb.run("go", src)
            new.append(time.perf_counter() - t0)
            assert r.status == "ok" and r.extra["cache"] == "miss", r.stderr
            build_s.append(r.extra["build_s"])
            compile_s.append(r.extra["compile_s"])
            binary, secs = native_build(tc, src, tmp)
            out, run_s = native_run(binary)
            assert out == r.stdout
            native_new.append(secs + run_s)
            native_cached.append(native_run(binary)[1])
        src = HELLO % 0
        sb.run("go", src)
        r = sb.run("go", src)
        deadline = time.monotonic() + 120
        while r.extra.get("tier") != "optimized" and time.monotonic() < deadline:
            time.sleep(0.3)
            r = sb.run("go", src)
        cached = []
        for _ in range(args.repeat * 3):
            t0 = time.perf_counter()
            r = sb.run("go", src)
            cached.append(time.perf_counter() - t0)
            assert r.status == "ok" and r.extra["cache"] == "memory"

        # -- CPU-bound: optimized tier vs native GOMAXPROCS=1, and the bare engine beside both
        import wasmtime

        engines = plain_engines()

        # -- the pause: the cached hello world through Sandbox.run and in a bare wasmtime (the same module,
        # epoch on, a new Store and WASI context each run, output discarded), each in blocks of runs back to
        # back and paced 5 ms apart; the blocks alternate, twice
        hello = tc.build(src, timeout_s=120, memory_mb=None)
        assert hello.wasm is not None, hello.message
        bare_engine = engines["plain_epoch"]
        bare_hello = wasmtime.Module(bare_engine, hello.wasm)
        bare_linker = wasmtime.Linker(bare_engine)
        bare_linker.define_wasi()

        def bare_once() -> None:
            store = wasmtime.Store(bare_engine)
            store.set_epoch_deadline(1 << 40)
            wasi = wasmtime.WasiConfig()
            wasi.argv = ["main"]
            store.set_wasi(wasi)
            try:
                bare_linker.instantiate(store, bare_hello).exports(store)["_start"](store)
            except wasmtime.ExitTrap as e:
                assert e.code == 0
            store.close()

        pause: dict[str, list[float]] = {"sandbox_b2b": [], "sandbox_paced": [], "bare_b2b": [], "bare_paced": []}
        for _ in range(2):
            for key in pause:
                for _ in range(args.repeat * 4):
                    if key.endswith("paced"):
                        time.sleep(0.005)
                    t0 = time.perf_counter()
                    if key.startswith("sandbox"):
                        assert sb.run("go", src).status == "ok"
                    else:
                        bare_once()
                    pause[key].append(time.perf_counter() - t0)

        def measure(name: str, src: str, inside: bool) -> dict[str, Any]:
            """min over --cpu-repeat of each variant; ``inside``: the program times itself."""
            r = sb.run("go", src)
            assert r.status == "ok", r.stderr
            deadline = time.monotonic() + 120
            while r.extra.get("tier") != "optimized" and time.monotonic() < deadline:
                time.sleep(0.3)
                r = sb.run("go", src)
            binary, _ = native_build(tc, src, tmp)
            built = tc.build(src, timeout_s=120, memory_mb=None)
            assert built.wasm is not None, built.message
            modules = {k: wasmtime.Module(e, built.wasm) for k, e in engines.items()}
            times: dict[str, list[float]] = {"sandbox": [], "native": [], "plain_epoch": [], "plain_no_deadline": []}

            def pick(out: str, secs: float) -> float:
                return common.parse_workload_output(out)[1] / 1000 if inside else secs

            for _ in range(args.cpu_repeat):
                t0 = time.perf_counter()
                r = sb.run("go", src)
                secs = time.perf_counter() - t0
                assert r.status == "ok", r.stderr
                times["sandbox"].append(pick(r.stdout, secs))
                out, secs = native_run(binary)
                assert r.stdout.split("\n")[0] == out.split("\n")[0], (r.stdout, out)
                times["native"].append(pick(out, secs))
                for k in ("plain_epoch", "plain_no_deadline"):
                    out, secs = plain_run(engines[k], modules[k], tmp, epoch=k == "plain_epoch")
                    times[k].append(pick(out, secs))
            best = {k: min(v) for k, v in times.items()}
            return {"tier": r.extra.get("tier"), "wasm_s": best["sandbox"], "native_s": best["native"],
                    "plain_epoch_s": best["plain_epoch"], "plain_no_deadline_s": best["plain_no_deadline"],
                    "ratio": best["sandbox"] / best["native"],
                    "plain_epoch_ratio": best["plain_epoch"] / best["native"],
                    "plain_no_deadline_ratio": best["plain_no_deadline"] / best["native"]}

        def gm(rows: dict[str, dict[str, Any]], key: str) -> float:
            return math.exp(sum(math.log(v[key]) for v in rows.values()) / len(rows))

        cpu = {name: measure(name, src, False) for name, src in WORKLOADS.items()}
        geomean = gm(cpu, "ratio")
        cross = {name: measure(name, common.workload("go", name, 1.0), True) for name in common.WORKLOAD_NAMES}

        # first-run (quick tier) ratio too, for honesty: a new CPU-bound program runs unoptimized first
        quick = {}
        for name, src in WORKLOADS.items():
            src2 = src + f"\n// {time.time_ns()}\n"
            r = sb.run("go", src2)
            assert r.status == "ok" and r.extra["tier"] == "quick"
            run_only = r.duration_s - r.extra.get("build_s", 0) - r.extra.get("compile_s", 0)
            quick[name] = run_only / cpu[name]["native_s"]
        quick_geomean = math.exp(sum(math.log(v) for v in quick.values()) / len(quick))
    finally:
        sb.close()
        shutil.rmtree(tmp, ignore_errors=True)

    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "go": summary["go"], "wasmtime": summary["wasmtime"], "repeat": args.repeat,
        "latency_p50_s": {
            "sandbox_new_program": p50(new), "sandbox_cached_program": p50(cached),
            **{f"pause_{k}": p50(v) for k, v in pause.items()},
            "native_build_and_run": p50(native_new), "native_run_only": p50(native_cached),
            "sandbox_new_program_build": p50(build_s), "sandbox_new_program_module_compile": p50(compile_s),
        },
        "cpu": cpu, "cpu_geomean_ratio": geomean,
        "cpu_geomean_plain_epoch": gm(cpu, "plain_epoch_ratio"),
        "cpu_geomean_plain_no_deadline": gm(cpu, "plain_no_deadline_ratio"),
        "cpu_cross_language": cross, "cpu_cross_language_geomean": gm(cross, "ratio"),
        "cpu_cross_language_geomean_plain_epoch": gm(cross, "plain_epoch_ratio"),
        "cpu_cross_language_geomean_plain_no_deadline": gm(cross, "plain_no_deadline_ratio"),
        "cpu_first_run_quick_tier_ratio": quick, "cpu_first_run_quick_tier_geomean": quick_geomean,
    }
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "go.json").write_text(json.dumps(result, indent=2) + "\n")

    lat = result["latency_p50_s"]
    print(f"## Go runtime ({summary['go']}, wasmtime {summary['wasmtime']}), p50 of {args.repeat}\n")
    print("| hello world | sandbox (wasip1 + wasmtime) | native Go |")
    print("|---|---|---|")
    print(f"| new program (build + compile + run) | {lat['sandbox_new_program'] * 1000:.0f} ms "
          f"| {lat['native_build_and_run'] * 1000:.0f} ms (go build + run) |")
    print(f"| of which go build / module compile | {lat['sandbox_new_program_build'] * 1000:.0f} ms / "
          f"{lat['sandbox_new_program_module_compile'] * 1000:.0f} ms | |")
    print(f"| cached program | {lat['sandbox_cached_program'] * 1000:.2f} ms | {lat['native_run_only'] * 1000:.2f} ms (run binary) |")
    print(f"\n| cached hello world, interleaved | back to back | paced 5 ms apart |\n|---|---|---|\n"
          f"| sandbox (`Sandbox.run`) | {lat['pause_sandbox_b2b'] * 1000:.2f} ms | {lat['pause_sandbox_paced'] * 1000:.2f} ms |\n"
          f"| bare wasmtime (same module, new Store and WASI context, epoch on, output discarded) | {lat['pause_bare_b2b'] * 1000:.2f} ms "
          f"| {lat['pause_bare_paced'] * 1000:.2f} ms |")
    print("\n| CPU-bound | sandbox (optimized tier) | native (GOMAXPROCS=1) | ratio | bare wasmtime, epoch on | "
          "bare wasmtime, no deadline | first run (quick tier) ratio |")
    print("|---|---|---|---|---|---|---|")
    for name, v in cpu.items():
        print(f"| {name} | {v['wasm_s'] * 1000:.0f} ms | {v['native_s'] * 1000:.0f} ms | {v['ratio']:.2f}x "
              f"| {v['plain_epoch_ratio']:.2f}x | {v['plain_no_deadline_ratio']:.2f}x | {quick[name]:.2f}x |")
    print(f"| **geomean** | | | **{geomean:.2f}x** | {result['cpu_geomean_plain_epoch']:.2f}x "
          f"| {result['cpu_geomean_plain_no_deadline']:.2f}x | {quick_geomean:.2f}x |")
    print("\n| cross-language workload (timed inside) | sandbox | native | ratio | bare wasmtime, epoch on "
          "| bare wasmtime, no deadline |")
    print("|---|---|---|---|---|---|")
    for name, v in cross.items():
        print(f"| {name} | {v['wasm_s'] * 1000:.0f} ms | {v['native_s'] * 1000:.0f} ms | {v['ratio']:.2f}x "
              f"| {v['plain_epoch_ratio']:.2f}x | {v['plain_no_deadline_ratio']:.2f}x |")
    print(f"| **geomean** | | | **{result['cpu_cross_language_geomean']:.2f}x** "
          f"| {result['cpu_cross_language_geomean_plain_epoch']:.2f}x "
          f"| {result['cpu_cross_language_geomean_plain_no_deadline']:.2f}x |")
    print(f"\nwrote {out_dir / 'go.json'}")


if __name__ == "__main__":
    main()
