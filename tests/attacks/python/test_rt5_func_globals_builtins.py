# Published: classic pyjail (function.__globals__['__builtins__']).
"""Round 5 red team: func globals builtins (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\ndef f(): pass\nprint("REACHED", f.__globals__["__builtins__"])'

def test_func_globals_builtins(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
