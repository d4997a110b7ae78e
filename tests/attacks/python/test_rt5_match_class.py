# Published: own reading of guards.py (match class patterns read attributes from C).
"""Round 5 red team: match class (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport json\nmatch json:\n    case object(__loader__=l):\n        print("REACHED", l)'

def test_match_class(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
