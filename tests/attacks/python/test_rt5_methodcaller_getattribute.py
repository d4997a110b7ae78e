# Published: pyjail CTF write-ups (operator.methodcaller('__getattribute__', ...)).
"""Round 5 red team: methodcaller getattribute (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport operator, json\nm = operator.methodcaller("__getattribute__", "__dict__")\nprint("REACHED", m(json))'

def test_methodcaller_getattribute(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
