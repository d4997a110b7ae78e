# Published: own reading of guards.py (dataclasses.dataclass applied to a shared stdlib class).
"""Round 5 red team: dataclass shared (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport dataclasses, json\ndataclasses.dataclass(json.JSONEncoder)\nprint("REACHED", json.JSONEncoder.__init__)'

def test_dataclass_shared(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
