# Published: pyjail CTF write-ups (map(getattr, ...) / sorted(key=...) as C-level attribute fetchers).
"""Round 5 red team: sorted key getattr (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport json\nprint(sorted([json], key=lambda m: 0))\nr = list(map(getattr, [json], ["__loader__"]))\nprint("REACHED", r)'

def test_sorted_key_getattr(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
