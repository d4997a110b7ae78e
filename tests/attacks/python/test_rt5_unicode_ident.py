# Published: pyjail CTF write-ups (NFKC normalisation of identifiers: fullwidth __class__).
"""Round 5 red team: unicode ident (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nｇｌｏｂａｌｓ = 1\nprint(__ｃｌａｓｓ__) if False else None\nx = ().__ｃｌａｓｓ__\nprint("REACHED", x)'

def test_unicode_ident(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
