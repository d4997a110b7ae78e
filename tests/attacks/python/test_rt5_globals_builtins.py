# Published: classic pyjail (globals()['__builtins__'].__import__).
"""Round 5 red team: globals builtins (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nb = globals().get("__builtins__")\nprint(type(b))\nimp = b["__import__"] if isinstance(b, dict) else getattr(b, "__import__")\nprint("REACHED", imp("os"))'

def test_globals_builtins(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
