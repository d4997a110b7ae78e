"""Shared helpers of the Go runtime tests: one policy object (so one warm runtime) per session.

The session starts like a fresh machine: an empty ``XDG_CACHE_HOME`` and ``HOME`` (temp dirs),
and a child process whose first ``sandboxes.run("go", hello)`` under the *default* policy pays
the one-off standard-library build. Every later Go test shares that cache directory
(``<XDG_CACHE_HOME>/sandboxes/go``), so the cold build happens once per session.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import sandboxes
from sandboxes.policy import Policy, default_policy
from sandboxes.result import Result
from tests.memhelp import rss_mb  # noqa: F401 - re-exported for the Go tests

ROOT = Path(__file__).resolve().parents[2]
HELLO = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n'
_policy: Policy | None = None
_summary: dict = {}
_first_run: dict = {}
_env: dict[str, str] = {}


def make_policy(cache_dir: Path | str, timeout_s: float = 60.0, **go: object) -> Policy:
    base = default_policy()
    limits = dataclasses.replace(base.go.limits, timeout_s=timeout_s)
    return dataclasses.replace(base, go=dataclasses.replace(base.go, limits=limits, cache_dir=str(cache_dir), **go))


def with_go(pol: Policy, **go: object) -> Policy:
    """``pol`` with some keys of its go section changed."""
    return dataclasses.replace(pol, go=dataclasses.replace(pol.go, **go))


def set_policy(policy: Policy) -> None:
    global _policy
    _policy = policy


def policy() -> Policy:
    assert _policy is not None, "the go_session fixture has not run"
    return _policy


def run(code: str, **kw: object) -> Result:
    """``sandboxes.run("go", ...)`` under the session's test policy (generous timeout unless tightened)."""
    return sandboxes.run("go", code, policy=policy(), **kw)  # type: ignore[arg-type]


def compiling_s(r: Result) -> float:
    """Seconds a new program spent compiling (its own budget, go.compile_timeout_s), before its run."""
    return float(sum(r.extra.get(k, 0) for k in ("stdlib_wait_s", "build_s", "compile_s")))


def run_timed(code: str, **kw: object) -> tuple[Result, float]:
    """``run`` and the seconds of the call that ``timeout`` bounds (the call minus compiling)."""
    t0 = time.monotonic()
    r = run(code, **kw)
    return r, time.monotonic() - t0 - compiling_s(r)


def fresh_env() -> dict[str, str]:
    """The environment of a fresh process that sees the session's cache as its default one."""
    assert _env, "the go_session fixture has not run"
    return dict(_env)


def child(script: str, *, timeout: float, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter (the repository on ``sys.path``), with the session's cache."""
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env if env is not None else fresh_env())


FIRST_RUN = """
import json, time, sandboxes
t0 = time.monotonic()
r = sandboxes.run("go", {hello!r})
print(json.dumps({{"status": r.status.value, "stdout": r.stdout, "stderr": r.stderr[-2000:], "extra": r.extra,
                  "wall_s": time.monotonic() - t0}}))
"""


def first_run() -> dict:
    """What the session's first Go run (default policy, empty caches, fresh process) returned."""
    return _first_run


def start_session(tmp_path_factory: object) -> dict:
    """Build the session policy (private temp cache dir) and warm it; idempotent across conftests."""
    from sandboxes.go import warmup

    global _summary
    if _policy is None:
        base = Path(tmp_path_factory.mktemp("sandboxes-go"))  # type: ignore[attr-defined]
        (base / "home").mkdir()
        (base / "xdg").mkdir()
        _env.update({"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(base / "home"),
                     "XDG_CACHE_HOME": str(base / "xdg"), "LANG": "C.UTF-8"})
        t0 = time.monotonic()
        p = child(FIRST_RUN.format(hello=HELLO), timeout=600)
        try:
            _first_run.update(json.loads(p.stdout.strip().splitlines()[-1]))
        except (IndexError, ValueError):
            _first_run.update({"status": "crashed", "stderr": p.stderr[-2000:]})
        _first_run["process_s"] = time.monotonic() - t0
        pol = make_policy(base / "xdg" / "sandboxes" / "go")
        _summary = warmup(pol, timeout_s=600)
        assert _summary["build"] == "ok", _summary
        set_policy(pol)
    return _summary
