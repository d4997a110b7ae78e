# Published: own reading of guards.py (abc.ABCMeta.register on shared collections.abc classes).
"""Round 5 red team: abc register shared (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport collections.abc\nclass S: pass\ncollections.abc.Sequence.register(int)\nprint("REACHED", isinstance(1, collections.abc.Sequence))'

def test_abc_register_shared(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
