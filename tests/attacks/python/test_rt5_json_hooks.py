# Published: own reading of guards.py (json object_hook called from C).
"""Round 5 red team: json hooks (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport json\ndef h(d):\n    return d.__class__.__subclasses__\nprint("REACHED", json.loads(\'{"a":1}\', object_hook=h)())'

def test_json_hooks(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
