# Published: classic pyjail (object.__getattribute__).
"""Round 5 red team: object getattribute raw (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nprint("REACHED", object.__getattribute__((), "__class__").__subclasses__())'

def test_object_getattribute_raw(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
