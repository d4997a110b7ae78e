# Published: pyjail CTF write-ups (functools.partial(getattr, ...)).
"""Round 5 red team: functools partial getattr (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport functools, json\ng = functools.partial(getattr, json)\nprint("REACHED", g("__loader__"))'

def test_functools_partial_getattr(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
