# Published: own reading of guards.py (sys.stdout.write past the output cap).
"""Round 5 red team: output flood (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport sys\nsys.stdout.write("x"*(10**8))\nprint("REACHED")'

def test_output_flood(guest):
    r = guest.run(PAYLOAD, timeout=3.0)
    guest.contained(r, {"violation", "error", "memory_limit", "timeout", "output_limit"}, forbidden=["REACHED"])
    assert len(r.stdout) < 10 ** 7
    guest.assert_next_run_clean()
