# Attack: the sandbox's own builtins (print, input, getattr, __import__, eval...) look like CPython's
# since issue 13: functools.partial objects with a builtin's repr. A partial carries its function
# (.func, .args, .keywords) and can be re-targeted (__setstate__), copied or reduced: each would hand
# out, or replace, the sandbox's closure behind a builtin (getattr's is the attribute guard itself).
# Published: pyjail write-ups reaching globals through wrapper objects (func.__globals__, partial.func);
# RestrictedPython's guarded builtins being unwrapped.
import pytest

PAYLOADS = [
    ("print('REACHED', print.func)", {"error"}),
    ("print('REACHED', getattr(getattr, 'func'))", {"error"}),
    ("print('REACHED', getattr.args, getattr.keywords)", {"error"}),
    ("import functools\nprint('REACHED', functools.partial.func.__get__(print))", {"error", "violation"}),
    ("getattr.__setstate__((print, (), {}, None))\nprint('REACHED')", {"violation"}),
    ("print('REACHED', print.__reduce__())", {"violation"}),
    ("print('REACHED', type(print).__mro__)", {"error", "violation"}),
    ("T = type(print)\nprint('REACHED', T(len, 'x'))", {"error"}),
    ("import copy\nc = copy.copy(getattr)\nprint('REACHED', c is getattr and c.func)", {"error"}),
    ("print('REACHED', print.__dict__)", {"error", "violation"}),
    ("print.__name__ = 'x'\nprint('REACHED')", {"violation", "error"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_builtins_do_not_hand_out_their_closures(guest, code, statuses):
    r = guest.run(code)
    guest.contained(r, statuses, forbidden=["REACHED"])
    guest.assert_next_run_clean()
