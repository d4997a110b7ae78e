"""The Python language layer in-process: latency of ``print(1)`` and the cost of the guards.

Run: ``.venv/bin/python bench/bench_python.py [--quick] [--profile]``. Prints
Markdown tables and writes ``bench/results/python.json``.

What it measures, all in this one process (``isolation: inprocess``; the
worker adds its own cost, see ``bench_worker.py``):

- Latency of ``print(1)``: repeated code (the runtime's compiled-code cache
  hits) and new code (a different constant each run, so the cache misses),
  through the facade (``Sandbox.run``) and the runtime alone
  (``PythonRuntime.run``), beside native ``compile()`` + ``exec`` and beside
  stock RestrictedPython (``compile_restricted``, and compile + exec with its
  stock ``safe_globals`` and the usual minimal guards).
- Guarded execution vs plain ``exec``: a recursive fib, an integer ``+=``
  loop, a dict-update loop (the three of issue 2, and their geometric mean),
  plus string building; the CPU time of the thread running each program
  is compared (compilation is a negligible part of it; on a shared machine
  CPU time does not count the wait for a core, wall time does). Stock RestrictedPython with minimal guards is a
  third column.
- ``--profile``: cProfile of each guarded workload and of new-code latency,
  to say where the time goes when a target is missed.

Targets (issue 2): repeated < 0.1 ms, new < 0.3 ms, guard geomean < 1.5x.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import dataclasses
import io
import operator
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import md_table, fmt_ms  # noqa: E402

import sandboxes  # noqa: E402
from sandboxes.policy import Policy, default_policy  # noqa: E402

TARGETS = {"repeated_p50_ms": 0.1, "new_p50_ms": 0.3, "guard_geomean": 1.5}
GUARD_WORKLOADS = ("fib", "int_loop", "dict_update")  # the geomean of issue 2


def inprocess_policy(timeout_s: float | None = None) -> Policy:
    """The default policy with Python in-process (and optionally a longer timeout for CPU workloads)."""
    p = default_policy()
    py = dataclasses.replace(p.python, isolation="inprocess")
    if timeout_s is not None:
        py = dataclasses.replace(py, limits=dataclasses.replace(py.limits, timeout_s=timeout_s))
    return dataclasses.replace(p, python=py)


def _expect(stdout: str, want: str) -> None:
    if stdout != want:
        raise SystemExit(f"benchmark program printed {stdout!r}, expected {want!r}")


# ---------------------------------------------------------------- stock RestrictedPython

def _stock_rp() -> dict[str, Any]:
    """What a plain RestrictedPython embedding provides: stock safe_globals plus the usual minimal guards."""
    from RestrictedPython import PrintCollector, safe_globals
    from RestrictedPython.Guards import full_write_guard, safer_getattr

    def inplacevar(op: str, x: Any, y: Any) -> Any:
        return _INPLACE[op](x, y)

    def imp(name: str, *args: Any, **kwargs: Any) -> Any:
        if name != "time":  # the workloads time themselves; nothing else is importable
            raise ImportError(name)
        return __import__(name)

    builtins = dict(safe_globals["__builtins__"], __import__=imp)
    return {"__builtins__": builtins, "_print_": PrintCollector, "_getattr_": safer_getattr,
            "_getitem_": operator.getitem, "_getiter_": iter, "_write_": full_write_guard,
            "_inplacevar_": inplacevar, "__name__": "__main__"}


_INPLACE = {"+=": operator.iadd, "-=": operator.isub, "*=": operator.imul, "/=": operator.itruediv,
            "//=": operator.ifloordiv, "%=": operator.imod, "**=": operator.ipow}


def stock_run(source: str) -> str:
    """compile_restricted + exec under the stock policy; returns what the program printed."""
    from RestrictedPython import compile_restricted

    g = _stock_rp()
    exec(compile_restricted(source, "<guest>", "exec"), g)
    return g["_print"]() if "_print" in g else ""


# ------------------------------------------------------------------------- latency

def measure_latency(runs: int) -> dict[str, dict[str, Any]]:
    """``print(1)`` p50/p95 for each path, repeated and new code."""
    from RestrictedPython import compile_restricted

    policy = inprocess_policy()
    limits = policy.python.limits
    rows: dict[str, dict[str, Any]] = {}
    salt = [10_000]

    def new_const(i: int) -> int:
        salt[0] += 1
        return salt[0]

    def ok(want_one: bool = False):  # type: ignore[no-untyped-def]
        def check(r: Any) -> None:
            if r.status != "ok" or (want_one and r.stdout != "1\n"):
                raise SystemExit(f"print program failed: {r.status} {r.stderr!r}")
        return check

    with sandboxes.Sandbox(policy) as sb:
        t0 = time.perf_counter()
        first = sb.run("python", "print(1)")
        first_s = time.perf_counter() - t0
        ok(True)(first)
        rows["facade `Sandbox.run`, repeated code"] = common.summarize(common.time_calls(
            lambda i: sb.run("python", "print(1)"), runs, check=ok(True)))
        rows["facade `Sandbox.run`, new code"] = common.summarize(common.time_calls(
            lambda i: sb.run("python", f"print({new_const(i)})"), runs, check=ok()))
    from sandboxes.python import PythonRuntime

    with PythonRuntime(policy.python) as rt:
        rows["runtime `PythonRuntime.run`, repeated code"] = common.summarize(common.time_calls(
            lambda i: rt.run("print(1)", stdin="", limits=limits), runs, check=ok(True)))
        rows["runtime `PythonRuntime.run`, new code"] = common.summarize(common.time_calls(
            lambda i: rt.run(f"print({new_const(i)})", stdin="", limits=limits), runs, check=ok()))
        rows["runtime compile only (our policy), new code"] = common.summarize(common.time_calls(
            lambda i: rt.compile(f"print({new_const(i)})"), runs))

    def native(src: str) -> str:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(src, "<guest>", "exec"), {"__name__": "__main__"})
        return buf.getvalue()

    code_obj = compile("print(1)", "<guest>", "exec")

    def native_cached(_: int) -> str:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(code_obj, {"__name__": "__main__"})
        return buf.getvalue()

    rows["native `compile()`+`exec`, new code"] = common.summarize(common.time_calls(
        lambda i: native(f"print({new_const(i)})"), runs))
    rows["native `exec` of a compiled code object"] = common.summarize(common.time_calls(native_cached, runs))
    rows["stock RestrictedPython `compile_restricted`, new code"] = common.summarize(common.time_calls(
        lambda i: compile_restricted(f"print({new_const(i)})", "<guest>", "exec"), runs))
    rows["stock RestrictedPython compile + exec (`safe_globals`), new code"] = common.summarize(common.time_calls(
        lambda i: stock_run(f"print({new_const(i)})"), runs))
    rows["native `compile()` only, new code"] = common.summarize(common.time_calls(
        lambda i: compile(f"print({new_const(i)})", "<guest>", "exec"), runs))
    return {"first_run_ms": first_s * 1e3, "rows": rows}


# -------------------------------------------------------------------- guard ratios

def measure_guards(reps: int, scale: float, names: tuple[str, ...] = common.WORKLOAD_NAMES) -> dict[str, Any]:
    """Execution time (measured inside each program) guarded / plain ``exec``, fastest of ``reps`` interleaved runs."""
    policy = inprocess_policy(timeout_s=120.0)
    out: dict[str, Any] = {}
    with sandboxes.Sandbox(policy) as sb:
        for name in names:
            plain, guarded, stock = [], [], []
            wall: dict[str, list[float]] = {"plain_ms": [], "guarded_ms": [], "stock_rp_ms": []}
            for rep in range(reps):  # interleaved so that a burst of load hits all three alike
                # CPU time of this process (in-process, the guest runs on a thread of its own since 6769674:
                # this thread's CPU time missed it, and the ratio read 0.03x); on a machine shared by other
                # jobs, wall time also counts the time spent waiting for a core; the in-program wall-clock
                # time is kept in the JSON as well.
                src = common.workload("python", name, scale, salt=rep)
                code = compile(src, "<guest>", "exec")
                buf = io.StringIO()
                c0 = time.process_time()
                with contextlib.redirect_stdout(buf):
                    exec(code, {"__name__": "__main__"})
                plain.append((time.process_time() - c0) * 1e3)
                want, ms = common.parse_workload_output(buf.getvalue())
                wall["plain_ms"].append(ms)
                c0 = time.process_time()
                r = sb.run("python", src)
                guarded.append((time.process_time() - c0) * 1e3)
                if r.status != "ok":
                    raise SystemExit(f"guarded {name} failed: {r.status} {r.stderr[-500:]!r}")
                got, ms = common.parse_workload_output(r.stdout)
                if got != want:
                    raise SystemExit(f"guarded {name} printed {got}, native {want}")
                wall["guarded_ms"].append(ms)
                c0 = time.process_time()
                text = stock_run(src)
                stock.append((time.process_time() - c0) * 1e3)
                got, ms = common.parse_workload_output(text)
                if got != want:
                    raise SystemExit(f"stock RestrictedPython {name} printed {got}, native {want}")
                wall["stock_rp_ms"].append(ms)
            # the minimum of interleaved runs: on a shared machine, load only ever adds time
            p, g, s = min(plain), min(guarded), min(stock)
            out[name] = {"size": common.workload_size("python", name, scale), "plain_ms": p, "guarded_ms": g,
                         "stock_rp_ms": s, "ratio": g / p, "stock_rp_ratio": s / p,
                         "cpu_samples": {"plain_ms": plain, "guarded_ms": guarded, "stock_rp_ms": stock},
                         "wall_samples_in_program": wall}
    present = [n for n in GUARD_WORKLOADS if n in out]
    geo = common.geomean(out[n]["ratio"] for n in present) if present else None
    stock_geo = common.geomean(out[n]["stock_rp_ratio"] for n in present) if present else None
    return {"workloads": out, "geomean_3": geo, "stock_rp_geomean_3": stock_geo}


# ------------------------------------------------------------------------- profile

def profile(scale: float, top: int = 14) -> dict[str, str]:
    """cProfile text (sorted by internal time) of each guarded workload and of a batch of new-code runs."""
    policy = inprocess_policy(timeout_s=120.0)
    texts: dict[str, str] = {}
    from sandboxes.python import PythonRuntime

    with PythonRuntime(policy.python) as rt:
        limits = policy.python.limits
        rt.run("print(0)", stdin="", limits=limits)
        jobs: dict[str, Any] = {
            "new code x2000": lambda: [rt.run(f"print({i})", stdin="", limits=limits) for i in range(50_000, 52_000)],
            "repeated code x2000": lambda: [rt.run("print(1)", stdin="", limits=limits) for _ in range(2000)],
        }
        for name in GUARD_WORKLOADS + ("string_build",):
            src = common.workload("python", name, scale, salt=99)
            jobs[f"workload {name}"] = lambda src=src: rt.run(src, stdin="", limits=limits)
        for label, job in jobs.items():
            prof = cProfile.Profile()
            prof.enable()
            job()
            prof.disable()
            buf = io.StringIO()
            st = pstats.Stats(prof, stream=buf)
            st.strip_dirs().sort_stats("tottime").print_stats(top)
            lines = buf.getvalue().splitlines()
            start = next((i for i, ln in enumerate(lines) if "ncalls" in ln), 0)
            head = next((ln.strip() for ln in lines if "function calls" in ln), "")
            texts[label] = head + "\n" + "\n".join(ln.rstrip() for ln in lines[start:] if ln.strip())
    return texts


# --------------------------------------------------------------------- attribution

def attribution(scale: float, reps: int) -> dict[str, Any]:
    """Where the guard overhead goes: the transformed program run with one guard at a time swapped in.

    Uses the runtime's internals (``compile_guest``, ``guards.make_iterate``,
    ``guards.make_tick``, ``PythonRuntime._globals``); if they changed, says so
    instead of failing. Each variant's time is the minimum over ``reps``
    interleaved runs (the minimum is the least noisy estimate of a
    deterministic CPU cost on a shared machine). Ratios are against plain
    ``exec`` of the untransformed program.
    """
    import builtins

    try:
        from sandboxes.python import PythonRuntime
        from sandboxes.python import guards as G
        from sandboxes.python.transformer import compile_guest
    except ImportError as e:
        return {"error": f"runtime internals not importable: {e}"}
    pol = inprocess_policy(timeout_s=120.0).python

    def state(mem: int | None) -> Any:
        return G.RunState(deadline=time.monotonic() + 300, max_output=10**7, memory_bytes=mem, stdin="",
                          max_items=pol.max_sequence_items, max_int_bits=10**6)

    def run(g: dict[str, Any], code: Any) -> float:
        c0 = time.thread_time()  # CPU time: waiting for a core on a shared machine does not count
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, g)
        return (time.thread_time() - c0) * 1e3

    def run_globals(rt: Any, st: Any, src: str) -> dict[str, Any]:
        g = rt._globals(st, src)  # a dict, or (dict, guards) in later versions of the runtime
        return dict(g[0] if isinstance(g, tuple) else g)

    mem = 256 * 1024 * 1024
    out: dict[str, Any] = {}
    try:
        with PythonRuntime(pol) as rt:
            for name in GUARD_WORKLOADS:
                src = common.workload("python", name, scale)
                compiled = compile_guest(src, allowed_modules=frozenset(pol.modules), allow_eval=True).code
                plain = compile(src, "<guest>", "exec")
                bare = {"__builtins__": builtins, "_sb_ga": getattr, "_sb_mul": operator.mul,
                        "_sb_tick": tuple, "_sb_it": iter}  # C no-ops for the inserted calls
                variants = {
                    "plain exec": lambda: run({"__name__": "__main__"}, plain),
                    "transformed, every guard a C no-op": lambda: run(dict(bare), compiled),
                    "+ real deadline tick (_sb_tick)": lambda: run(dict(bare, _sb_tick=G.make_tick(state(mem))),
                                                                  compiled),
                    "+ real chunked iteration (_sb_it)": lambda: run(
                        dict(bare, _sb_it=G.make_iterate(state(mem))), compiled),
                    "all real guards but _sb_ga=getattr": lambda: run(
                        dict(run_globals(rt, state(mem), src), _sb_ga=getattr), compiled),
                    "all real guards (as in a run)": lambda: run(run_globals(rt, state(mem), src), compiled),
                }
                times: dict[str, list[float]] = {k: [] for k in variants}
                for _ in range(reps):
                    for k, fn in variants.items():
                        times[k].append(fn())
                base = min(times["plain exec"])
                out[name] = {k: {"min_ms": min(v), "ratio": min(v) / base} for k, v in times.items()}
    except Exception as e:  # the runtime's internals moved: report, do not fail the benchmark
        return {"error": f"{type(e).__name__}: {e}"}
    return out


# ------------------------------------------------------------------------ reporting

def targets(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = data["latency"]["rows"]
    rep = rows["facade `Sandbox.run`, repeated code"]["p50_ms"]
    new = rows["facade `Sandbox.run`, new code"]["p50_ms"]
    geo = data["guards"]["geomean_3"]
    return [
        {"target": "Python in-process, repeated code p50", "goal": "< 0.1 ms", "value": rep,
         "shown": f"{rep:.3f} ms", "met": rep < TARGETS["repeated_p50_ms"]},
        {"target": "Python in-process, new code p50", "goal": "< 0.3 ms", "value": new,
         "shown": f"{new:.3f} ms", "met": new < TARGETS["new_p50_ms"]},
        {"target": "Python guard ratio, geomean (fib, +=, dict)", "goal": "< 1.5x", "value": geo,
         "shown": f"{geo:.2f}x", "met": geo is not None and geo < TARGETS["guard_geomean"]},
    ]


def markdown(data: dict[str, Any]) -> str:
    lat = data["latency"]
    out = [f"`print(1)` in-process, {lat['rows'][next(iter(lat['rows']))]['n']} runs per row "
           f"(first run of a new `Sandbox`: {lat['first_run_ms']:.1f} ms).\n"]
    out.append(md_table(["path", "p50 ms", "p95 ms", "mean ms"],
                        [[k, fmt_ms(v["p50_ms"]), fmt_ms(v["p95_ms"]), fmt_ms(v["mean_ms"])]
                         for k, v in lat["rows"].items()]))
    g = data["guards"]
    out.append("\nGuarded execution (in-process) vs plain `exec`, "
               f"CPU time of the running thread, fastest of {data['params']['reps']} interleaved runs:\n")
    rows = []
    for name, w in g["workloads"].items():
        rows.append([f"{name} (n={w['size']:,})", fmt_ms(w["plain_ms"]), fmt_ms(w["guarded_ms"]),
                     f"{w['ratio']:.2f}x", fmt_ms(w["stock_rp_ms"]), f"{w['stock_rp_ratio']:.2f}x"])
    if g["geomean_3"] is not None:
        rows.append(["**geomean (fib, +=, dict)**", "", "", f"**{g['geomean_3']:.2f}x**", "",
                     f"{g['stock_rp_geomean_3']:.2f}x"])
    out.append(md_table(["workload", "plain exec ms", "sandboxes ms", "ratio", "stock RestrictedPython ms",
                         "stock ratio"], rows))
    out.append("\n" + md_table(["target (issue 2)", "goal", "measured", "met"],
                               [[t["target"], t["goal"], t["shown"], "yes" if t["met"] else "**no**"]
                                for t in targets(data)], "llrl"))
    att = data.get("attribution")
    if att and "error" not in att:
        out.append("\nWhere the guard overhead goes (the transformed program with guards swapped in one at a "
                   "time; CPU time, minimum of interleaved runs; ratio to plain `exec`):\n")
        variants = list(next(iter(att.values())))
        out.append(md_table(["variant"] + list(att), [[v] + [f"{att[w][v]['ratio']:.2f}x" for w in att]
                                                      for v in variants]))
    elif att:
        out.append(f"\nAttribution unavailable: {att['error']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs, smaller workloads")
    ap.add_argument("--runs", type=int, default=None, help="latency runs per row (default 1000, quick 200)")
    ap.add_argument("--reps", type=int, default=None, help="repetitions per workload (default 5, quick 3)")
    ap.add_argument("--profile", action="store_true", help="print cProfile of the guarded workloads and new code")
    ap.add_argument("--explain", action="store_true", help="attribute the guard overhead to each guard")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    runs = args.runs or (200 if args.quick else 1000)
    reps = args.reps or (3 if args.quick else 5)
    scale = 0.3 if args.quick else 1.0
    data: dict[str, Any] = {"benchmark": "python", "params": {"runs": runs, "reps": reps, "scale": scale},
                            "machine": common.machine_info()}
    data["latency"] = measure_latency(runs)
    data["guards"] = measure_guards(reps, scale)
    data["targets"] = targets(data)
    if args.explain or args.profile:
        data["attribution"] = attribution(scale, 9 if args.quick else 15)
    if args.profile:
        data["profile"] = profile(scale)
    print(markdown(data))
    for label, text in data.get("profile", {}).items():
        print(f"\n#### cProfile: {label}\n```\n{text}\n```")
    path = common.write_json("python", data, args.out)
    print(f"\nwrote {common.rel(path)}")
    return data


if __name__ == "__main__":
    main()
