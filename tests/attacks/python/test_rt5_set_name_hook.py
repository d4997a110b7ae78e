# Published: own reading of guards.py (__set_name__ called from C by type.__new__).
"""Round 5 red team: set name hook (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass D:\n    def __set_name__(self, owner, name):\n        print("setname", name)\n        print("REACHED", owner.__base__.__subclasses__())\nclass C:\n    x = D()'

def test_set_name_hook(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
