# Published: own reading of runtime.format_exception (the report now walks __cause__/__context__ chains).
"""The report of an uncaught exception walks its whole chain and renders every link's ``str()``: a program
can chain a million exceptions in a loop, or give a link deep in the chain a ``__str__`` that never ends
or floods. The walk is bounded (``_MAX_CHAIN``) and the report by the output cap; every ``__str__`` runs
while the run is live, under its deadline; the host answers and the next run is clean."""

CHAIN = ("e = None\nfor i in range(10**6):\n    try:\n        raise ValueError(i) from e\n"
         "    except ValueError as ex:\n        e = ex\nprint('REACHED')\nraise e\n")

LOOPING_CAUSE = ("class Slow(Exception):\n    def __str__(self):\n        while True:\n            pass\n"
                 "try:\n    raise Slow()\nexcept Slow as s:\n    raise KeyError('top') from s\n")

FLOODING_CAUSE = ("class Big(Exception):\n    def __str__(self):\n        return 'x' * (10 ** 7)\n"
                  "try:\n    raise Big()\nexcept Big:\n    raise KeyError('top')\n")


def test_a_million_links_end_at_the_output_cap(guest):
    r = guest.run(CHAIN, timeout=20.0, wall=60.0)
    guest.contained(r, {"output_limit"})
    assert "REACHED" in r.stdout
    assert "The above exception was the direct cause of the following exception:" in r.stderr
    guest.assert_next_run_clean()


def test_a_cause_whose_str_never_ends_is_the_runs_timeout(guest):
    r = guest.run(LOOPING_CAUSE, timeout=1.0, wall=30.0)
    guest.contained(r, {"timeout"})
    guest.assert_next_run_clean()


def test_a_cause_whose_str_floods_is_bounded(guest):
    r = guest.run(FLOODING_CAUSE, timeout=5.0, wall=30.0)
    guest.contained(r, {"error"})
    assert r.stderr.endswith("KeyError: 'top'\n"), r.stderr[-300:]
    assert len(r.stderr.encode()) <= (1 << 20) + 4096
    guest.assert_next_run_clean()
