# Attack: make libmpdec work in C for a very long time or allocate a lot: decimal precision at MAX_PREC,
# prec = 10**7 with sqrt/exp/ln/division, a huge exponent in quantize / scaleb / power; and leave the
# changed context behind for the next run.
# Published: Python decimal DoS reports (bpo-30545 / CVE-2020-... family "decimal with huge precision");
# this project's brief (`decimal` huge precision, `decimal.getcontext().prec` cross-run poisoning).
import pytest

QUICK = [
    "import decimal\ndecimal.getcontext().prec = decimal.MAX_PREC\nprint(decimal.Decimal(1) / decimal.Decimal(3))",
]
# These stay inside libmpdec for minutes (measured: the in-process run wedged its thread for the whole
# test session), so in-process they cannot be interrupted; the worker's kill is the layer for them.
SLOW = [
    "import decimal\nc = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX)\n"
    "print(c.power(decimal.Decimal(10), decimal.Decimal(10 ** 17)))",
    "from decimal import Decimal, localcontext, MAX_PREC\nwith localcontext() as c:\n    c.prec = MAX_PREC\n"
    "    print(Decimal(2).sqrt())",
]


@pytest.mark.parametrize("code", QUICK)
def test_absurd_precision_is_refused(guest, code):
    r = guest.run(code, timeout=1.0)
    guest.contained(r, {"memory_limit", "error", "timeout"}, max_wall=4.0)


@pytest.mark.parametrize("code", SLOW)
def test_absurd_precision_in_long_c_calls_is_killed(guest, code):
    if guest.mode == "inprocess":
        pytest.skip("in-process, libmpdec never returns to the interpreter: it cannot be interrupted")
    r = guest.run(code, timeout=1.0)
    guest.contained(r, {"memory_limit", "error", "timeout"}, max_wall=4.0)


def test_long_c_computation_is_stopped(guest):
    # Tens of seconds inside libmpdec without returning to the interpreter.
    code = "import decimal\ndecimal.getcontext().prec = 10 ** 7\nprint(len(str(decimal.Decimal(2).sqrt())))"
    if guest.mode == "inprocess":
        pytest.skip("in-process, libmpdec never returns to the interpreter during sqrt: it cannot be "
                    "interrupted (the worker isolation is the layer for this)")
    r = guest.run(code, timeout=1.0)
    guest.contained(r, {"timeout", "memory_limit"}, max_wall=3.0)


def test_context_changes_do_not_reach_the_next_run(guest):
    r = guest.run("import decimal\nc = decimal.getcontext()\nc.prec = 3\nc.rounding = decimal.ROUND_DOWN\n"
                  "c.traps[decimal.Inexact] = True\nprint(decimal.Decimal(2) / decimal.Decimal(3))")
    guest.contained(r, {"error"})
    guest.assert_next_run_clean()
