# Published: pyjail CTF write-ups (sys.exc_info()[2].tb_frame).
"""Round 5 red team: exc context frame (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport sys\ntry:\n    1/0\nexcept Exception:\n    info = sys.exc_info()\n    print("REACHED", info[2].tb_frame)'

def test_exc_context_frame(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
