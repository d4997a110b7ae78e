# Published: own reading of guards.py (assigning dunders on a shared stdlib class).
"""Round 5 red team: fraction subclass shared (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport fractions\nfractions.Fraction.__hash__ = lambda s: 0\nprint("REACHED", hash(fractions.Fraction(1,3)))'

def test_fraction_subclass_shared(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
