"""``run_audit`` and ``sandboxes audit`` on a small subset: report structure, breach detection, exit status."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from sandboxes import cli
from sandboxes.attacks import exit_status, load_corpus, parse_attack, render, run_audit

SUBSET = ["python/fs-read-etc-passwd", "python/net-tcp-connect", "python/poison-decimal-context",
          "python/info-environment", "go/proc-spawn", "go/net-tcp-connect", "javascript/escape-constructor-process",
          "javascript/poison-prototypes"]


@pytest.fixture(scope="module")
def report():
    attacks = [a for a in load_corpus() if a.key in SUBSET]
    assert len(attacks) == len(SUBSET)
    return run_audit(None, attacks=attacks)


def test_report_structure_and_every_subset_attack_is_contained(report):
    assert report["format"] == "sandboxes-audit/1"
    s = report["summary"]
    assert s["attacks"] == len(SUBSET)
    assert s["breached"] == 0, [e for e in report["attacks"] if e["contained"] is False]
    assert s["contained"] + s["not_run"] == len(SUBSET)
    for key in ("sandboxes", "python", "restrictedpython", "mini-racer", "wasmtime", "v8", "go"):
        assert key in report["versions"]
    assert len(report["policy"]["sha256"]) == 64
    assert "layers" in report["doctor"]
    controls = {row["control"] for row in report["checklist"]}
    assert controls == {"read-only filesystem", "no network", "non-root", "syscall filter", "resource limits",
                        "audit logging"}
    for e in report["attacks"]:
        for k in ("key", "category", "tries", "source", "verdict", "contained", "status", "stopped_by", "isolation",
                  "time_s"):
            assert k in e
    assert report["canaries"]["tcp_connections"] == 0
    assert exit_status(report) in (0, 3)


def test_renderers(report):
    data = json.loads(render(report, "json"))
    assert data["summary"] == report["summary"]
    root = ET.fromstring(render(report, "junit"))
    assert root.tag == "testsuites" and int(root.get("tests")) == len(SUBSET)
    md = render(report, "markdown")
    assert "## Attacks" in md and "Container-security checklist" in md and "`python/net-tcp-connect`" in md
    assert "contained" in render(report, "text")


def test_secrets_never_reach_the_report(report):
    text = render(report, "json")
    assert "filecanary" not in text and "envcanary" not in text


def test_a_permissive_outcome_is_reported_as_a_breach_and_exits_1():
    """A harmless program judged by a strict rule: the engine must call it a breach, not trust the runtime."""
    fake = parse_attack("# attack: fake-permissive\n# category: network\n# tries: nothing; expects a refusal\n"
                        "# source: this test\n# verdict: status == violation\nprint('{{TCP_PORT}}')\n", "python",
                        "fake.py")
    rep = run_audit(None, attacks=[fake], with_doctor=False)
    assert rep["summary"]["breached"] == 1
    (e,) = rep["attacks"]
    assert e["contained"] is False and e["status"] == "ok" and "got ok" in e["failed"][0]
    assert exit_status(rep) == 1
    root = ET.fromstring(render(rep, "junit"))
    assert root.find(".//failure") is not None


def test_a_leaked_canary_is_a_breach():
    """A rule forbidding a text the program prints (here the planted path it was given) is a breach."""
    fake = parse_attack("# attack: fake-leak\n# category: filesystem\n# tries: print a planted path\n"
                        "# source: this test\n# verdict: status in {ok} and output lacks \"secret.txt\"\n"
                        "print('{{CANARY_FILE}}')\n", "python", "fake.py")
    rep = run_audit(None, attacks=[fake], with_doctor=False)
    assert rep["summary"]["breached"] == 1


def test_cli_audit_writes_json_and_markdown_and_exit_status(tmp_path, capsys):
    out = tmp_path / "audit.json"
    rc = cli.main(["audit", "--lang", "python", "--attack", "python/fs-read-etc-passwd", "--attack", "net-dns",
                   "--format", "json", "--output", str(out)])
    data = json.loads(out.read_text())
    assert rc == 0, data["attacks"]
    assert data["summary"]["attacks"] == 2 and data["summary"]["contained"] == 2
    md = tmp_path / "audit.md"
    assert cli.main(["audit", "--lang", "py", "--attack", "proc-spawn", "--format", "markdown", "--output",
                     str(md)]) == 0
    assert md.read_text().startswith("# sandboxes audit")
    capsys.readouterr()
    assert cli.main(["audit", "--policy", str(tmp_path / "missing.yaml")]) == 2
