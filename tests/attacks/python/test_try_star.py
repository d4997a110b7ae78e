# Attack: try/except* binds the handler name to an ExceptionGroup, not the named class; RestrictedPython
# policies that trusted the except clause's type were confused (type confusion -> guard bypass).
# Published: RestrictedPython GHSA-8fm5-gg2f-f66q (try/except* type confusion, 2025).
def test_try_star_is_refused(guest):
    code = ("try:\n    raise ExceptionGroup('g', [ValueError('v')])\n"
            "except* ValueError as eg:\n    print('REACHED', type(eg).__name__, eg.exceptions)")
    r = guest.run(code)
    guest.contained(r, {"violation", "compile_error"}, forbidden=["REACHED"])
    assert any("except*" in v.detail for v in r.violations), r.violations


def test_exception_groups_without_except_star_are_plain_data(guest):
    code = ("try:\n    raise ExceptionGroup('g', [ValueError('v')])\n"
            "except ExceptionGroup as eg:\n    print(type(eg).__name__, [type(x).__name__ for x in eg.exceptions])\n"
            "    print(getattr(eg, '__traceback__', 'refused'))")
    r = guest.run(code)
    guest.contained(r, {"violation"}, forbidden=["<traceback"])
