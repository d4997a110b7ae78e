"""Render an audit report (the dict of ``run_audit``) as text, JSON, JUnit XML or Markdown."""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

FORMATS = ("text", "json", "junit", "markdown")


def _mark(e: dict[str, Any]) -> str:
    return "contained" if e["contained"] else "BREACHED" if e["contained"] is False else "not run"


def _stopper(e: dict[str, Any]) -> str:
    if e.get("stopped_by"):
        return str(e["stopped_by"])
    if e.get("status") in ("violation", "compile_error"):
        return "policy check" if e.get("status") == "violation" else "compiler"
    return "-"


def render(report: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report, indent=2, sort_keys=False) + "\n"
    if fmt == "junit":
        return _junit(report)
    if fmt == "markdown":
        return _markdown(report)
    if fmt == "text":
        return _text(report)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def _text(rep: dict[str, Any]) -> str:
    s = rep["summary"]
    lines = [f"sandboxes audit: {s['attacks']} attacks, {s['contained']} contained, {s['breached']} breached, "
             f"{s['not_run']} not run ({rep['duration_s']:.1f} s)",
             f"policy: {rep['policy']['source']} sha256 {rep['policy']['sha256'][:16]}",
             "versions: " + ", ".join(f"{k} {v}" for k, v in rep["versions"].items()), ""]
    for e in rep["attacks"]:
        lines.append(f"[{_mark(e):>9}] {e['key']:<45} {e['category']:<22} {str(e['status']):<13} "
                     f"{_stopper(e):<12} {e['time_s'] * 1000:8.1f} ms")
        for f in e["failed"]:
            lines.append(f"            failed: {f}")
        if e.get("note"):
            lines.append(f"            {e['note']}")
    for g in s["global_failures"]:
        lines.append(f"BREACH: {g}")
    for lang, why in s["unavailable"].items():
        lines.append(f"NOT RUN: {lang}: {why}")
    lines.append("")
    lines.append("isolation layers on this machine: " + ", ".join(
        f"{k}={'yes' if v.get('available') else 'no'}" for k, v in rep["doctor"].get("layers", {}).items()))
    return "\n".join(lines) + "\n"


def _cell(x: Any) -> str:
    return str(x).replace("|", "\\|").replace("\n", " ")


def _markdown(rep: dict[str, Any]) -> str:
    s = rep["summary"]
    out = ["# sandboxes audit", "",
           f"**{s['contained']} of {s['attacks']} attacks contained, {s['breached']} breached, {s['not_run']} not run** "
           f"(in {rep['duration_s']:.1f} s, started {rep['started']}).", "",
           "## Deployment", "",
           f"- Policy: `{rep['policy']['source']}` (sha256 `{rep['policy']['sha256']}`)",
           "- Isolation per language: " + ", ".join(f"{k}: `{v}`" for k, v in rep["policy"]["isolation"].items()),
           f"- Host: {rep['host']['platform']} ({rep['host']['machine']}, {rep['host']['cpus']} CPUs)",
           "- Versions: " + ", ".join(f"{k} `{v}`" for k, v in rep["versions"].items()), ""]
    layers = rep["doctor"].get("layers", {})
    if layers:
        out += ["### Isolation layers available on this machine", "", "| layer | available | reason |",
                "|---|---|---|"]
        out += [f"| {k} | {'yes' if v.get('available') else 'no'} | {_cell(v.get('reason') or '')} |"
                for k, v in layers.items()]
        out.append("")
    langs = list(rep["policy"]["isolation"])
    out += ["### Container-security checklist", "", "| control | " + " | ".join(langs) + " |",
            "|---|" + "---|" * len(langs)]
    for row in rep["checklist"]:
        out.append(f"| {row['control']} | " + " | ".join(_cell(row["languages"].get(lang, "")) for lang in langs)
                   + " |")
    out += ["", "## By category", "", "| category | contained | breached | not run |", "|---|---|---|---|"]
    out += [f"| {k} | {v['contained']} | {v['breached']} | {v['not_run']} |" for k, v in s["by_category"].items()]
    out += ["", "## Attacks", "", "| attack | category | tries | verdict | result | status | stopped by | time |",
            "|---|---|---|---|---|---|---|---|"]
    for e in rep["attacks"]:
        res = _mark(e) + ("".join(f"<br>{_cell(f)}" for f in e["failed"]))
        out.append(f"| `{e['key']}` | {e['category']} | {_cell(e['tries'])} | {_cell(e['verdict'])} | {res} | "
                   f"{e['status']} | {_cell(_stopper(e))} | {e['time_s'] * 1000:.0f} ms |")
    if s["global_failures"]:
        out += ["", "## Breaches outside any single attack", ""] + [f"- {g}" for g in s["global_failures"]]
    out += ["", "## Sources", ""]
    out += [f"- `{e['key']}`: {e['source']}" for e in rep["attacks"]]
    return "\n".join(out) + "\n"


def _junit(rep: dict[str, Any]) -> str:
    s = rep["summary"]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="sandboxes-audit" tests="{s["attacks"]}" failures="{s["breached"]}" '
           f'skipped="{s["not_run"]}" time="{rep["duration_s"]}">']
    by_lang: dict[str, list[dict[str, Any]]] = {}
    for e in rep["attacks"]:
        by_lang.setdefault(e["lang"], []).append(e)
    for lang, es in by_lang.items():
        fails = sum(1 for e in es if e["contained"] is False)
        skipped = sum(1 for e in es if e["contained"] is None)
        out.append(f'  <testsuite name={quoteattr("audit." + lang)} tests="{len(es)}" failures="{fails}" '
                   f'skipped="{skipped}" time="{sum(e["time_s"] for e in es):.3f}">')
        for e in es:
            out.append(f'    <testcase classname={quoteattr("audit." + lang + "." + e["category"])} '
                       f'name={quoteattr(e["id"])} time="{e["time_s"]}">')
            if e["contained"] is False:
                msg = "; ".join(e["failed"])
                out.append(f'      <failure message={quoteattr(msg)}>{escape(e.get("output") or "")}</failure>')
            elif e["contained"] is None:
                out.append(f'      <skipped message={quoteattr(e.get("note", "not run"))}/>')
            out.append(f'      <system-out>{escape("status=" + str(e["status"]) + " stopped_by=" + _stopper(e))}'
                       "</system-out>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    if s["global_failures"]:
        out.append('  <testsuite name="audit.global" tests="1" failures="1">')
        out.append('    <testcase classname="audit.global" name="listeners">')
        out.append(f'      <failure message={quoteattr("; ".join(s["global_failures"]))}/>')
        out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
