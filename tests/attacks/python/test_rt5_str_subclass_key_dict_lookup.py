# Published: own reading of guards.py (str subclass with __eq__/__hash__ as attribute name).
"""Round 5 red team: str subclass key dict lookup (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass S(str):\n    def __eq__(s, o): return True\n    def __hash__(s): return hash("__class__")\nprint("REACHED", getattr((), S("x")))'

def test_str_subclass_key_dict_lookup(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
