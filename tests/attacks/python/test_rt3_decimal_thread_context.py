# Attack: decimal's context is thread-local C state; in-process the program runs on the caller's thread, so
# `decimal.setcontext(...)`, `getcontext().prec = 3` or enabling traps would change the host's own decimal
# arithmetic after the run, and the next run's. Also tries localcontext() left open via a generator.
# Published: cross-tenant state poisoning of embedded interpreters (smolagents / pandasai sandbox advisories,
# 2024-2025); CPython docs on decimal contexts being per thread (decimal.setcontext).
import decimal

PAYLOAD = """
import decimal
c = decimal.getcontext()
c.prec = 3
c.rounding = decimal.ROUND_FLOOR
c.traps[decimal.Inexact] = True
decimal.setcontext(decimal.Context(prec=2, Emax=5))
def hold():
    with decimal.localcontext() as lc:
        lc.prec = 1
        yield 1
h = hold()
next(h)
print("in-run", decimal.getcontext().prec)
"""


def test_decimal_context_does_not_leak_to_host_or_next_run(fresh_guest):
    before = (decimal.getcontext().prec, decimal.getcontext().rounding,
              decimal.getcontext().traps[decimal.Inexact], decimal.getcontext().Emax)
    r = fresh_guest.run(PAYLOAD)
    fresh_guest.contained(r, {"ok"})
    assert r.stdout == "in-run 1\n", r
    after = (decimal.getcontext().prec, decimal.getcontext().rounding,
             decimal.getcontext().traps[decimal.Inexact], decimal.getcontext().Emax)
    assert after == before, f"[{fresh_guest.mode}] the run changed the host thread's decimal context"
    assert str(decimal.Decimal(1) / decimal.Decimal(7)) == "0.1428571428571428571428571429"
    fresh_guest.assert_next_run_clean()
