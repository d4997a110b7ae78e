# Published: RestrictedPython advisory CVE-2023-37271 family (__format__ / nested format specs).
"""Round 5 red team: format spec hook (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nclass F:\n    def __format__(self, spec):\n        return spec\nprint(f"{F():{\'{\'}x}")\nprint("{0:{1}}".format(F(), "{0.__class__}"))'

def test_format_spec_hook(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"ok"})
    # what native CPython prints for the same program
    assert r.stdout.endswith('{x\n{0.__class__}\n'), r.stdout
