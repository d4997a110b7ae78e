"""Every attack the package ships is contained under the shipped policy: ``sandboxes audit`` with no
arguments reports no breach (the README's promise). Four JavaScript entries had gone stale unseen when
issue 13's Node stand-ins (``process``, ``require('fs')``, a coarsened ``process.hrtime``) made their
"reached it" markers print although nothing of the host was reached; only a subset was run here."""

from __future__ import annotations

import pytest

from sandboxes.attacks import load_corpus, run_audit


@pytest.mark.parametrize("lang", ["python", "javascript", "go"])
def test_every_shipped_attack_is_contained_under_the_default_policy(lang):
    attacks = [a for a in load_corpus() if a.key.startswith(lang + "/")]
    assert len(attacks) >= 20
    report = run_audit(None, attacks=attacks)
    breached = [(e["key"], e.get("failed")) for e in report["attacks"] if e["contained"] is False]
    assert breached == []
    assert report["summary"]["not_run"] == 0
