# Published: own reading of guards.py (asyncio loop internals).
"""Round 5 red team: asyncio internals (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport asyncio\nasync def m():\n    loop = asyncio.get_running_loop()\n    print("REACHED", loop._selector)\nasyncio.run(m())'

def test_asyncio_internals(guest):
    r = guest.run(PAYLOAD)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()
