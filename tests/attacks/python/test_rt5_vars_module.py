# Published: pyjail CTF write-ups (vars(module) to read module internals).
"""Round 5 red team: vars module (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport json\nd = vars(json)\nprint("REACHED", d.get("__loader__"), type(d))'

def test_vars_module(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
