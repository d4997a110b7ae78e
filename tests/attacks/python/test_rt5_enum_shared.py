# Published: own reading of guards.py (enum internals _member_map_ on the shared Enum).
"""Round 5 red team: enum shared (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport enum\nenum.Enum._member_map_["X"] = 1\nprint("REACHED", enum.Enum._member_map_)'

def test_enum_shared(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
