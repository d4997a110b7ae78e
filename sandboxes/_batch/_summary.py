"""What a batch came to: per-language counts of each verdict, programs/s, and pass@k over tasks."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from ._jobs import NOT_JUDGED, VERDICTS

PASS_AT = (1, 10, 100)


def pass_at_k(n: int, c: int, k: int) -> float:
    """The unbiased estimator of pass@k for one task: ``n`` samples of which ``c`` are correct.

    ``1 - C(n - c, k) / C(n, k)``, computed as a product to stay exact for large ``n`` (Chen et al.,
    "Evaluating Large Language Models Trained on Code", 2021, the HumanEval paper, figure 3).
    """
    if not 0 <= c <= n or k < 1 or k > n:
        raise ValueError(f"pass_at_k: need 0 <= c <= n and 1 <= k <= n, got n={n}, c={c}, k={k}")
    if n - c < k:
        return 1.0
    return 1.0 - math.prod(1.0 - k / i for i in range(n - c + 1, n + 1))


def pass_at(results: Iterable[Mapping[str, Any]], ks: Iterable[int] = PASS_AT) -> dict[str, Any]:
    """pass@k averaged over tasks, for each ``k`` that every task has at least ``k`` samples for.

    Results without a ``task`` are left out; ``invalid``/``error`` results count as samples that failed
    (a sample that could not be judged did not pass). ``{"tasks": N, "samples": M, "pass@1": ...}``.
    """
    per: dict[str, list[int]] = {}
    for r in results:
        if "task" not in r:
            continue
        n_c = per.setdefault(str(r["task"]), [0, 0])
        n_c[0] += 1
        n_c[1] += r.get("verdict") == "accepted"
    out: dict[str, Any] = {"tasks": len(per), "samples": sum(n for n, _ in per.values())}
    if not per:
        return out
    least = min(n for n, _ in per.values())
    for k in ks:
        if k <= least:
            out[f"pass@{k}"] = sum(pass_at_k(n, c, k) for n, c in per.values()) / len(per)
    return out


def summarize(results: Iterable[Mapping[str, Any]], *, seconds: Mapping[str, float] | None = None,
              ran: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Counts per language (jobs, accepted, each verdict) and pass@k when jobs name a ``task``.

    ``seconds``/``ran``: per language, the wall time and number of jobs this run took (a resumed
    batch's earlier results count in the verdicts but not in programs/s).
    """
    results = list(results)
    langs: dict[str, dict[str, Any]] = {}
    for r in results:
        lang = str(r.get("lang", "?"))
        row = langs.setdefault(lang, {"jobs": 0, **{v: 0 for v in (*VERDICTS, *NOT_JUDGED)}})
        row["jobs"] += 1
        verdict = str(r.get("verdict", "error"))
        row[verdict] = row.get(verdict, 0) + 1
    total: dict[str, Any] = {"jobs": 0, **{v: 0 for v in (*VERDICTS, *NOT_JUDGED)}}
    for row in langs.values():
        for key, n in row.items():
            total[key] = total.get(key, 0) + n
    for lang, row in langs.items():
        if seconds and ran and seconds.get(lang):
            row["programs_per_s"] = round(ran.get(lang, 0) / seconds[lang], 3)
    if seconds and ran and seconds.get("all"):
        total["programs_per_s"] = round(ran.get("all", 0) / seconds["all"], 3)
    out: dict[str, Any] = {"languages": dict(sorted(langs.items())), "total": total}
    passk = pass_at(results)
    if passk["tasks"]:
        out["pass_at_k"] = passk
    return out


def render_table(summary: Mapping[str, Any]) -> list[list[str]]:
    """The summary as rows of a table (a header first): language, jobs, accepted, each verdict seen, programs/s."""
    rows = {**summary["languages"], "all": summary["total"]}
    seen = [v for v in (*VERDICTS[1:], *NOT_JUDGED) if summary["total"].get(v)]
    header = ["language", "jobs", "accepted", *seen, "programs/s"]
    table = [header]
    for lang, row in rows.items():
        rate = row.get("programs_per_s")
        table.append([lang, str(row["jobs"]), str(row["accepted"]), *(str(row.get(v, 0)) for v in seen),
                      f"{rate:.1f}" if rate is not None else "-"])
    return table
