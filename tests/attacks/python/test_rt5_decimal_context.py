# Published: own reading of guards.py (decimal.DefaultContext shared between runs).
"""Round 5 red team: decimal context (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport decimal\ndecimal.DefaultContext.prec = 3\ndecimal.setcontext(decimal.Context(prec=2))\nprint(decimal.Decimal(1)/decimal.Decimal(3))'

def test_decimal_context(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
