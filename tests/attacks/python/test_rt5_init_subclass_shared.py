# Published: own reading of guards.py (__init_subclass__ + writes to a shared stdlib class).
"""Round 5 red team: init subclass shared (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport json\nclass X(json.JSONEncoder):\n    def __init_subclass__(cls, **kw):\n        pass\njson.JSONEncoder.item_separator = "X"\nprint("REACHED", json.dumps([1,2]))'

def test_init_subclass_shared(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
