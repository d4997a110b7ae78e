# Published: pyjail CTF write-ups (itertools.starmap(getattr, ...)).
"""Round 5 red team: itertools starmap getattr (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport itertools, json\nprint("REACHED", list(itertools.starmap(getattr, [(json, "__spec__")])))'

def test_itertools_starmap_getattr(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
