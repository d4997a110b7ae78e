# Published: pyjail CTF write-ups (builtin_function.__self__ is the builtins module).
"""Round 5 red team: builtins via print self (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nprint("REACHED", print.__self__)'

def test_builtins_via_print_self(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
