# Published: RestrictedPython advisory CVE-2023-41039 family (coroutine cr_frame).
"""Round 5 red team: cr frame (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nasync def c(): pass\nco = c()\nprint("REACHED", co.cr_frame)'

def test_cr_frame(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
