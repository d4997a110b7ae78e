# Published: classic pyjail (type.__subclasses__(object)).
"""Round 5 red team: type subclasses via call (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nprint("REACHED", type.__subclasses__(object))'

def test_type_subclasses_via_call(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
