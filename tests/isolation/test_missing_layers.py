"""A kernel layer the worker would apply but cannot: one WARNING per process, and every Result says so."""

from __future__ import annotations

import logging

from sandboxes.isolation import _backend
from sandboxes.result import Result, Status


def test_one_warning_per_process_and_language(caplog, monkeypatch):
    monkeypatch.setattr(_backend, "_warned", set())
    layers = ["rlimits", "no_new_privs", "seccomp"]
    missing = {"landlock": "landlock_create_ruleset: ENOSYS", "userns": "unshare: EPERM", "netns": "unshare: EPERM"}
    with caplog.at_level(logging.WARNING, logger="sandboxes.isolation"):
        results = [_backend._finish(Result("python", Status.OK), layers, missing, "fork") for _ in range(3)]
        _backend._finish(Result("javascript", Status.OK), layers, missing, "long-lived")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2, [r.getMessage() for r in warnings]
    text = warnings[0].getMessage()
    assert "python" in text and "landlock: landlock_create_ruleset: ENOSYS" in text and "userns" in text
    for r in results:  # the Result of every run says it, for the audit event as well
        assert r.extra["isolation_missing"] == ["landlock", "userns", "netns"]
        assert r.extra["isolation_missing_reasons"]["userns"] == "unshare: EPERM"
        assert "landlock" not in r.isolation


def test_no_warning_when_every_layer_is_there(caplog, monkeypatch):
    monkeypatch.setattr(_backend, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="sandboxes.isolation"):
        r = _backend._finish(Result("python", Status.OK), list(_backend.LAYERS), {}, "fork")
    assert r.extra["isolation_missing"] == []
    assert not [x for x in caplog.records if x.levelno >= logging.WARNING]


def test_the_audit_event_carries_the_missing_layers(tmp_path):
    import dataclasses
    import json

    from sandboxes.audit import Auditor
    from sandboxes.policy import default_policy

    log = tmp_path / "audit.jsonl"
    policy = default_policy()
    policy = dataclasses.replace(policy, audit=dataclasses.replace(policy.audit, log_file=str(log)))
    r = _backend._finish(Result("python", Status.OK), ["rlimits"], {"seccomp": "no"}, "fork")
    Auditor(policy).record(r, code="print(1)", code_sha256="0" * 64,
                           missing_layers=tuple(r.extra["isolation_missing"]))
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert any("seccomp" in e.get("isolation_missing", []) for e in events), events
