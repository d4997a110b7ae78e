# Published: pickle/copy reduce-gadget write-ups (__reduce_ex__ returning getattr).
"""Round 5 red team: reduce ex copy (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport copy\nclass A:\n    def __reduce_ex__(self, p):\n        return (getattr, (copy, "__builtins__"))\nprint("REACHED", type(copy.copy(A())))'

def test_reduce_ex_copy(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
