# Published: Python-audit-hook bypass write-ups (weakref / gc stand-ins to find objects).
"""Round 5 red team: weakref proxy (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport weakref\nprint("REACHED", weakref)'

def test_weakref_proxy(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
