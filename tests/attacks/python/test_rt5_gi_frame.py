# Published: RestrictedPython advisory GHSA-wqc8-x2pr-7jqh / CVE-2023-41039 (generator gi_frame).
"""Round 5 red team: gi frame (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\ndef g(): yield 1\nit = g()\nprint("REACHED", it.gi_frame.f_globals)'

def test_gi_frame(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
