# Published: own reading of guards.py (C-level allocation past memory_mb).
"""Round 5 red team: memory past (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nx = bytearray(10**10)\nprint("REACHED")'

def test_memory_past(guest):
    r = guest.run(PAYLOAD, timeout=3.0)
    guest.contained(r, {"violation", "error", "memory_limit", "timeout", "output_limit"}, forbidden=["REACHED"])
    assert len(r.stdout) < 10 ** 7
    guest.assert_next_run_clean()
