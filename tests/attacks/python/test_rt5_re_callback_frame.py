# Published: own reading of guards.py (re.sub callbacks called from C).
"""Round 5 red team: re callback frame (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport re\ndef cb(m):\n    return str(m.re.__class__.__subclasses__)\nprint("REACHED", re.sub("a", cb, "a"))'

def test_re_callback_frame(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
