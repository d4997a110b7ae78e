# Published: RestrictedPython advisory CVE-2023-41039 family (async generator ag_frame).
"""Round 5 red team: ag frame (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nasync def g(): yield 1\nit = g()\nprint("REACHED", it.ag_frame)'

def test_ag_frame(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
