"""Shared helpers of the Go runtime tests: one policy object (so one warm runtime) per session.

The session starts like a fresh machine: an empty ``XDG_CACHE_HOME`` and ``HOME`` (temp dirs),
and a child process whose first ``sandboxes.run("go", hello)`` under the *default* policy pays
the one-off standard-library build. That first run happens once per pytest session, in a
directory every xdist worker shares (the first worker to get there runs it, the others wait for
it and read what it returned); each worker then has a cache directory of its own
(``<XDG_CACHE_HOME>/sandboxes/go``) that starts with a copy of that build cache, and the
user's default Go cache gets the same copy when it has no build cache yet (a fresh machine:
CI), so the standard library is built once per session, not once per worker and again there.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import shutil
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


def _shared_dir(tmp_path_factory: object) -> Path:
    """A directory of this pytest session that all its xdist workers share (the parent of theirs)."""
    base = Path(tmp_path_factory.getbasetemp())  # type: ignore[attr-defined]
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _first_run_once(shared: Path) -> tuple[dict, Path]:
    """The session's first Go run, in a fresh process over empty caches, done by the first worker to
    ask; the others wait for it. Returns what it returned and the Go cache directory it built."""
    where = shared / "go-first-run"
    answer = where / "first_run.json"
    with open(shared / "go-first-run.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not answer.is_file():
            for d in ("home", "xdg"):
                (where / d).mkdir(parents=True, exist_ok=True, mode=0o700)
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(where / "home"),
                   "XDG_CACHE_HOME": str(where / "xdg"), "LANG": "C.UTF-8"}
            t0 = time.monotonic()
            p = child(FIRST_RUN.format(hello=HELLO), timeout=600, env=env)
            try:
                got = json.loads(p.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                got = {"status": "crashed", "stderr": p.stderr[-2000:]}
            got["process_s"] = time.monotonic() - t0
            tmp = where / "first_run.json.tmp"
            tmp.write_text(json.dumps(got), encoding="utf-8")
            os.replace(tmp, answer)
    return json.loads(answer.read_text(encoding="utf-8")), where / "xdg" / "sandboxes" / "go"


def _copy_build_cache(built: Path, into: Path) -> bool:
    """Give the Go cache directory ``into`` the standard library that ``built`` has (its Go build
    cache, then its marker of a finished build, last); False when ``built`` has none to give."""
    markers = sorted(built.glob("stdlib-*.done"))
    if not markers or not (built / "gocache").is_dir():
        return False
    into.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copytree(built / "gocache", into / "gocache", symlinks=True, dirs_exist_ok=True)
    for m in markers:
        shutil.copy2(m, into / m.name)
    return True


def _seed_default_cache(built: Path) -> None:
    """The user's default Go cache, when it has no build cache yet (a fresh machine: CI), gets the copy
    too: the tests that run Go under the default policy would otherwise build the standard library
    there once more. Under the lock the toolchain's own build takes, so a build that started first
    is waited for, and one that starts later finds the marker."""
    from sandboxes.errors import RuntimeUnavailableError
    from sandboxes.go._toolchain import default_cache_dir

    try:
        root = default_cache_dir()
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(root / "stdlib.lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            gocache = root / "gocache"
            if any(root.glob("stdlib-*.done")) or (gocache.is_dir() and any(gocache.iterdir())):
                return
            _copy_build_cache(built, root)
    except (OSError, RuntimeUnavailableError):
        return  # the tests that use it build it themselves, as without this


def start_session(tmp_path_factory: object) -> dict:
    """Build the session policy (private temp cache dir) and warm it; idempotent across conftests."""
    from sandboxes.go import warmup

    global _summary
    if _policy is None:
        first, built = _first_run_once(_shared_dir(tmp_path_factory))
        _first_run.update(first)
        base = Path(tmp_path_factory.mktemp("sandboxes-go"))  # type: ignore[attr-defined]
        (base / "home").mkdir()
        (base / "xdg").mkdir()
        _env.update({"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(base / "home"),
                     "XDG_CACHE_HOME": str(base / "xdg"), "LANG": "C.UTF-8"})
        mine = base / "xdg" / "sandboxes" / "go"
        _copy_build_cache(built, mine)  # nothing to copy when the first run failed: warmup builds it
        _seed_default_cache(built)
        pol = make_policy(mine)
        _summary = warmup(pol, timeout_s=600)
        assert _summary["build"] == "ok", _summary
        set_policy(pol)
    return _summary
