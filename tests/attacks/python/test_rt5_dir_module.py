# Published: own reading of guards.py (dir() of a facade must not list the real module's internals).
"""Round 5 red team: dir module (both isolations; see reports/redteam-python-round5.md)."""

PAYLOAD = '\nimport json\nprint("dir", [x for x in dir(json) if x.startswith("_")])'

def test_dir_module(guest):
    r = guest.run(PAYLOAD)
    # dir() of a facade lists what the facade exposes, never the real module's internals
    guest.contained(r, {"ok"}, forbidden=["__loader__", "__spec__", "__builtins__", "__file__", "__dict__"])
    assert r.stdout == "dir ['__name__']\n", r.stdout
    guest.assert_next_run_clean()
