# Published: own reading of guards.py (__eq__/__hash__ called from C in dict lookups, with sys._getframe).
"""Round 5 red team: eq hash dict frame (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass K:\n    def __hash__(self): return hash("a")\n    def __eq__(self, o):\n        import sys\n        print("REACHED", sys._getframe(1).f_globals.keys())\n        return True\nd = {"a": 1}\nprint(d[K()])'

def test_eq_hash_dict_frame(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
