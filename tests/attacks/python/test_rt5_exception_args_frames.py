# Published: pyjail CTF write-ups (exception __traceback__.tb_next).
"""Round 5 red team: exception args frames (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport sys\ndef f():\n    try:\n        raise ValueError\n    except ValueError as e:\n        return e\ne = f()\nprint("REACHED", e.__traceback__.tb_next)'

def test_exception_args_frames(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
