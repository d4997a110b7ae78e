# Published: pyjail CTF write-ups (%-formatting with a mapping calls __getitem__ from C); own reading of guards.py.
"""Round 5 red team: percent mapping (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass M:\n    def __getitem__(self, k):\n        print("KEY", k); return 1\n    def keys(self): return ["a"]\nprint("%(a)s %(__class__)s" % M())\nprint("OK-ONLY")'

def test_percent_mapping(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"ok"})
    # what native CPython prints for the same program
    assert r.stdout.endswith('1 1\nOK-ONLY\n'), r.stdout
