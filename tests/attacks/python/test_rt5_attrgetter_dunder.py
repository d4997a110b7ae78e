# Published: RestrictedPython issue tracker (operator.attrgetter bypassing guarded_getattr); pyjail write-ups.
"""Round 5 red team: attrgetter dunder (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport operator, json\ng = operator.attrgetter("__spec__")\nprint("REACHED", g(json))'

def test_attrgetter_dunder(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
