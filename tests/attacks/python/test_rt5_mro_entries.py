# Published: own reading of guards.py (__mro_entries__ called from C by class creation).
"""Round 5 red team: mro entries (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass B:\n    def __mro_entries__(self, bases): return (object,)\nclass C(B()): pass\nprint("REACHED", C.__mro__)'

def test_mro_entries(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
