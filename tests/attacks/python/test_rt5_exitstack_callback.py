# Published: own reading of guards.py (contextlib.ExitStack callbacks calling setattr from C).
"""Round 5 red team: exitstack callback (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport contextlib, json\nwith contextlib.ExitStack() as s:\n    s.callback(setattr, json, "dumps", print)\nprint("REACHED", json.dumps)'

def test_exitstack_callback(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
