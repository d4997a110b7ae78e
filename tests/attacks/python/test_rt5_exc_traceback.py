# Published: pyjail CTF write-ups (exception __traceback__.tb_frame.f_globals).
"""Round 5 red team: exc traceback (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\ntry:\n    1/0\nexcept Exception as e:\n    tb = e.__traceback__\n    print("REACHED", tb.tb_frame.f_globals)'

def test_exc_traceback(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
