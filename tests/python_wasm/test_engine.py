"""The wasm Python engine through ``sandboxes.run``: statuses, limits, stdin, audit, HumanEval-X, isolation of runs.

Every test shares one session Sandbox (``wsb``), whose module is built once per machine (see
wasmhelp); once built, each run is a fresh instance from the snapshot (milliseconds).
"""

from __future__ import annotations

import dataclasses
import json

import pytest

import sandboxes
from corpus.humaneval import programs
from tests.python_wasm import wasmhelp


def test_print_and_result_shape(wsb):
    r = wsb.run("python", "print(1)")
    assert (r.status, r.stdout, r.stderr, r.exit_code) == (sandboxes.Status.OK, "1\n", "", 0)
    assert r.extra["engine"] == "wasm"


def test_stdin_exit_codes_and_tracebacks(wsb):
    assert wsb.run("python", "import sys\nprint(sys.stdin.read().upper(), end='')", stdin="ab\ncd\n").stdout == "AB\nCD\n"
    assert wsb.run("python", "print(input() * 2)", stdin="hi\n").stdout == "hihi\n"
    r = wsb.run("python", "raise SystemExit(3)")
    assert (r.status, r.exit_code) == (sandboxes.Status.ERROR, 3)
    r = wsb.run("python", "1/0")
    assert r.status == "error" and r.exit_code == 1
    assert r.stderr.startswith("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>")
    assert r.stderr.endswith("ZeroDivisionError: division by zero\n")
    r = wsb.run("python", "def f(:\n")
    assert r.status == "error" and "SyntaxError" in r.stderr
    r = wsb.run("python", "import sys; print(sys.argv, __name__, sorted(k for k in dir() if not k.startswith('__')))")
    assert r.stdout == "['-c'] __main__ ['sys']\n"


def test_limits_become_statuses(wsb):
    r = wsb.run("python", "while True: pass", timeout=0.5)
    assert r.status == "timeout" and r.extra["stop_detail"] == "wasmtime:trap:interrupt"
    r = wsb.run("python", "import time; time.sleep(30)", timeout=0.5)
    assert r.status == "timeout" and r.duration_s < 10
    r = wsb.run("python", "x = bytearray(900 * 2**20)", memory_mb=300)
    assert r.status == "memory_limit"
    r = wsb.run("python", "x = []\nwhile True: x.append(' ' * 10**6)", memory_mb=300)
    assert r.status == "memory_limit"
    r = wsb.run("python", "import sys\nwhile True: sys.stdout.write('x' * 65536)")
    assert r.status == "output_limit" and 0 < len(r.stdout) <= 1 << 20


def test_sleep_and_clocks(wsb):
    r = wsb.run("python", "import time\nt = time.monotonic(); time.sleep(0.2); d = time.monotonic() - t\n"
                          "print(0.15 < d < 5, time.time() > 1.7e9)")
    assert r.stdout == "True True\n", r.stderr


def test_snapshot_modules_are_imported_and_fresh_random_seeds(wsb):
    r = wsb.run("python", "import sys; print('numpy' in sys.modules, 'pandas' in sys.modules)")
    assert r.stdout == "True True\n"
    code = "import random, numpy as np\nprint(random.random(), np.random.rand())"
    assert wsb.run("python", code).stdout != wsb.run("python", code).stdout


def test_numpy_random_starts_from_fresh_entropy_in_the_state_seed_leaves(wsb):
    """The snapshot's ``_sbx_refresh`` sets numpy's global generator from fresh entropy directly instead
    of through ``seed()``: the same shape of state as ``seed()`` leaves (compared in the same run), new
    words in every run; the reactor's other refreshes still happen (``random``, logging's start time)."""
    code = ("import numpy as np, random, logging, time\n"
            "s = np.random.get_state()\n"
            "print(hex(s[1][0]), s[2:], s[1][1:].tobytes().hex()[:64])\n"
            "np.random.seed()\n"
            "t = np.random.get_state()\n"
            "print(hex(t[1][0]), t[2:], abs(logging._startTime - time.time()) < 60)\n"
            "print(random.random())\n")
    a, b = wsb.run("python", code), wsb.run("python", code)
    assert a.ok and b.ok, (a.stderr, b.stderr)
    first_a, seeded_a, rand_a = a.stdout.splitlines()
    first_b, _, rand_b = b.stdout.splitlines()
    assert first_a.startswith("0x80000000 (623, 0, 0.0) ") and first_b.startswith("0x80000000 (623, 0, 0.0) ")
    assert seeded_a == "0x80000000 (623, 0, 0.0) True"  # numpy's own seed() leaves the same shape
    assert first_a.split()[4] != first_b.split()[4] and rand_a != rand_b
    r = wsb.run("python", "import numpy as np\nnp.random.seed(3)\nprint(np.random.rand(), np.random.randn())")
    assert r.stdout == "0.5507979025745755 -1.0294714740051425\n", r.stdout  # a program's own seed: numpy's


def test_nothing_of_one_run_reaches_the_next(wsb):
    """Run 1 plants a secret in memory (heap, a module global, sys.modules, builtins); run 2 searches for it."""
    secret = "S3CR3T-" + "7f1c2a9e4b"
    plant = (f"import sys, builtins, json\ns = {secret!r} * 1000\nkeep = [s, bytearray(s.encode())]\n"
             f"json.planted = s\nbuiltins.planted = s\nsys.modules['planted'] = json\nprint('planted')")
    assert wsb.run("python", plant).stdout == "planted\n"
    search = ("import sys, builtins, json, gc\n"
              "print(hasattr(json, 'planted'), hasattr(builtins, 'planted'), 'planted' in sys.modules)\n"
              "needle = 'S3CR3T-' + '7f1c2a9e4b'\n"
              "found = any(isinstance(o, (str, bytes, bytearray)) and needle in (o if isinstance(o, str) else o.decode('latin-1'))"
              " for o in gc.get_objects())\n"
              "print(found)\n")
    r = wsb.run("python", search)
    assert r.stdout == "False False False\nFalse\n", r.stderr


def test_audit_events(tmp_path):
    log = tmp_path / "audit.jsonl"
    pol = wasmhelp.make_policy()
    pol = dataclasses.replace(pol, audit=dataclasses.replace(pol.audit, log_file=str(log)))
    with sandboxes.Sandbox(pol) as sb:
        assert sb.run("python", "print(2)").ok
        assert sb.run("python", "while 1: pass", timeout=0.3).status == "timeout"
    events = [json.loads(line) for line in log.read_text().splitlines()]
    runs = [e for e in events if e.get("lang") == "python" and e.get("event") == "execution"]
    assert [e.get("status") for e in runs][-2:] == ["ok", "timeout"]
    assert [e for e in events if e.get("event") == "security" and e.get("kind") == "timeout"]


def test_humaneval_x_python_all_tasks(wsb):
    failures = []
    progs = list(programs("python"))
    assert len(progs) == 164
    for n, src in progs:
        r = wsb.run("python", src, timeout=10.0)
        if not (r.ok and r.stdout == "" and r.stderr == ""):
            failures.append((n, r.status.value, r.stderr[-300:]))
    assert failures == []


@pytest.mark.parametrize("policy_engine", ["restricted", "wasm"])
def test_engine_is_a_policy_key(policy_engine, tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text(f"python:\n  engine: {policy_engine}\n")
    from sandboxes.policy import resolve_policy

    assert resolve_policy(str(p)).python.engine == policy_engine
    p.write_text("python:\n  engine: cpython\n")
    with pytest.raises(sandboxes.PolicyError):
        resolve_policy(str(p))


def test_warmup_loads_the_build_and_checks_it(wsb):
    from sandboxes.python import wasm

    summary = wasm.warmup(wasmhelp.make_policy())
    assert (summary["build"], summary["check"]) == ("ok", "ok"), summary
    assert summary["source"] in ("disk", "built")



def test_atexit_handlers_run_as_at_the_end_of_python_c(wsb):
    code = "import atexit, sys\natexit.register(print, 'bye')\nsys.stdout.write('x')\nraise SystemExit(3)"
    r = wsb.run("python", code)
    assert (r.stdout, r.exit_code) == ("xbye\n", 3)


def test_a_program_that_replaces_sys_exit_or_atexit_still_ends_with_its_own_status(wsb):
    """The turn's end (``_snapshot.TURN_HELPERS``) uses the sys.exit and atexit it bound in the snapshot:
    what a program does to those names is its own business, as in CPython, where the exit status of
    ``python -c`` never went through ``sys.exit`` (a turn that called ``sys.exit(status)`` ended with 0)."""
    import subprocess
    import sys

    for code in ("import sys\nsys.exit = lambda *a: None\nprint('x')\nraise SystemExit(3)",
                 "import atexit\natexit._run_exitfuncs = None\nprint('x')\nraise SystemExit(4)"):
        native = subprocess.run([sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True)
        r = wsb.run("python", code)
        assert (r.stdout, r.exit_code) == (native.stdout, native.returncode) == ("x\n", int(code[-2])), r.stderr


def test_every_run_s_store_is_closed_after_its_result_is_returned(monkeypatch):
    """The store (instance, linear memory) is dropped on the run's thread once the caller has the result
    (in this process: the engine's own, as in a worker)."""
    import threading
    import time

    import wasmtime

    made: list[int] = []
    closed: list[int] = []
    real_init, real_close = wasmtime.Store.__init__, wasmtime.Store.close
    lock = threading.Lock()

    def init(self: wasmtime.Store, *args: object, **kw: object) -> None:
        real_init(self, *args, **kw)
        with lock:
            made.append(id(self))

    def close(self: wasmtime.Store) -> None:
        with lock:
            closed.append(id(self))
        real_close(self)

    monkeypatch.setattr(wasmtime.Store, "__init__", init)
    monkeypatch.setattr(wasmtime.Store, "close", close)
    with sandboxes.Sandbox(wasmhelp.make_policy(isolation="inprocess")) as sb:
        for i in range(3):
            assert sb.run("python", f"print({i})").stdout == f"{i}\n"
    deadline = time.monotonic() + 10
    while not set(made) <= set(closed) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(made) >= 3 and set(made) <= set(closed)


def test_the_tiers_compile_differently_and_never_share_a_cache_entry(tmp_path):
    """python.wasm_tier: the quick tier (the suite's) and the optimized default differ in their
    Cranelift settings, their cache keys and their cache directories; an unknown tier is a policy error."""
    from sandboxes.policy import resolve_policy
    from sandboxes.python.wasm import _engine, _module

    assert resolve_policy(None).python.wasm_tier == "optimized"
    assert "opt=speed|epoch" in _engine.settings("optimized") and "stack=8388608" in _engine.settings("optimized")
    assert "opt=none" in _engine.settings("quick")
    assert _module.cache_key("quick") != _module.cache_key("optimized") == _module.cache_key()
    assert _engine.engine("quick") is not _engine.engine("optimized")
    for wrong in (_engine.tier_config, _engine.settings):
        with pytest.raises(ValueError, match="unknown wasm tier"):
            wrong("fast")
    p = tmp_path / "p.yaml"
    p.write_text("python:\n  wasm_tier: quick\n")
    assert resolve_policy(str(p)).python.wasm_tier == "quick"
    p.write_text("python:\n  wasm_tier: fastest\n")
    with pytest.raises(sandboxes.PolicyError, match="wasm_tier"):
        resolve_policy(str(p))


def test_the_suite_runs_the_tier_it_asked_for(wsb):
    from sandboxes.python import wasm

    summary = wasm.warmup(wasmhelp.make_policy())
    assert summary["tier"] == wasmhelp.TIER
    r = wsb.run("python", "print(sum(range(10**5)))")
    assert r.ok and r.stdout == "4999950000\n", r
