# Published: RestrictedPython advisory GHSA-8fm3-xjvj-5p5p / CVE-2023-37271 (string.Formatter).
"""Round 5 red team: string formatter (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport string\nprint("REACHED", string.Formatter().format("{0.__globals__}", lambda: 0))'

def test_string_formatter(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
