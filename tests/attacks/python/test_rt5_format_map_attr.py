# Published: RestrictedPython advisory GHSA-8fm3-xjvj-5p5p / CVE-2023-37271 family (str.format_map attribute fields), pyjail write-ups.
"""Round 5 red team: format map attr (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass M(dict):\n    def __missing__(self, k): return k\nprint("{0.__class__.__base__.__subclasses__}".format_map(M()))\nprint("REACHED")'

def test_format_map_attr(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
