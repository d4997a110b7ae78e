# Published: Python-audit-hook bypass write-ups (gc.get_objects / gc.get_referrers).
"""Round 5 red team: gc import (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport gc\nprint("REACHED", gc.get_objects()[:1])'

def test_gc_import(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
