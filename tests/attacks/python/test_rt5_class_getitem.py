# Published: RestrictedPython issue tracker (__class_getitem__ / typing generic aliases' __origin__).
"""Round 5 red team: class getitem (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass C:\n    def __class_getitem__(cls, item):\n        return item\nprint(C[1])\nimport typing\nprint("REACHED", typing.List.__origin__.__subclasses__())'

def test_class_getitem(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
