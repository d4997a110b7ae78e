# Published: own reading of guards.py (__instancecheck__ called from C by isinstance).
"""Round 5 red team: instancecheck meta (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass Meta(type):\n    def __instancecheck__(cls, inst):\n        print("REACHED", inst.__class__.__subclasses__)\n        return True\nclass C(metaclass=Meta): pass\nprint(isinstance(1, C))'

def test_instancecheck_meta(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
