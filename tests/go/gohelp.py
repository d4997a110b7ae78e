"""Shared helpers of the Go runtime tests: one policy object (so one warm runtime) per session."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import sandboxes
from sandboxes.policy import Policy, default_policy
from tests.memhelp import rss_mb  # noqa: F401 - re-exported for the Go tests
from sandboxes.result import Result

_policy: Policy | None = None


def make_policy(cache_dir: Path, timeout_s: float = 60.0, **go: object) -> Policy:
    base = default_policy()
    limits = dataclasses.replace(base.go.limits, timeout_s=timeout_s)
    return dataclasses.replace(base, go=dataclasses.replace(base.go, limits=limits, cache_dir=str(cache_dir), **go))


def set_policy(policy: Policy) -> None:
    global _policy
    _policy = policy


def policy() -> Policy:
    assert _policy is not None, "the go_session fixture has not run"
    return _policy


def run(code: str, **kw: object) -> Result:
    """``sandboxes.run("go", ...)`` under the session's test policy (generous timeout unless tightened)."""
    return sandboxes.run("go", code, policy=policy(), **kw)  # type: ignore[arg-type]


def start_session(tmp_path_factory: object) -> dict:
    """Build the session policy (private temp cache dir) and warm it; idempotent across conftests."""
    from sandboxes.go import warmup

    global _summary
    if _policy is None:
        pol = make_policy(tmp_path_factory.mktemp("sandboxes-go-cache"))  # type: ignore[attr-defined]
        _summary = warmup(pol, timeout_s=600)
        assert _summary["build"] == "ok", _summary
        set_policy(pol)
    return _summary


_summary: dict = {}
