# Published: pyjail CTF write-ups (library function __globals__).
"""Round 5 red team: typing getattr (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport typing\nprint("REACHED", typing.get_type_hints.__globals__)'

def test_typing_getattr(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
