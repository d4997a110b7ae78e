# Published: own reading of guards.py (__index__ called from C by sequence repetition).
"""Round 5 red team: index bomb (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass I:\n    def __index__(self): return 10**9\nprint(len([0]*I()))'

def test_index_bomb(guest):
    r = guest.run(PAYLOAD, timeout=3.0)
    guest.contained(r, {"violation", "error", "memory_limit", "timeout", "output_limit"}, forbidden=["REACHED"])
    assert len(r.stdout) < 10 ** 7
    guest.assert_next_run_clean()
