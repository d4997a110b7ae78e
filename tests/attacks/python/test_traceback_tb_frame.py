# Attack: a caught exception's __traceback__.tb_frame.f_back.f_globals reaches the host's frames
# (the sandbox runner's locals, guard closures, real builtins).
# Published: pyjail write-ups ("except Exception as e: e.__traceback__.tb_frame.f_back.f_globals");
# RestrictedPython advisories on traceback/frame attributes (GHSA-wqc8-x2pr-7jqh family).
import pytest

PAYLOADS = [
    "try:\n    1/0\nexcept Exception as e:\n    print('REACHED', e.__traceback__.tb_frame.f_back.f_globals)",
    "try:\n    1/0\nexcept Exception as e:\n    tb = getattr(e, '__trace' + 'back__')\n    print('REACHED', tb)",
    "try:\n    1/0\nexcept Exception as e:\n    print('REACHED', getattr(e.with_traceback(None), 'tb_frame', 0))",
    "import sys\ntry:\n    1/0\nexcept Exception:\n    print('REACHED', sys.exc_info()[2].tb_frame)",
    "try:\n    1/0\nexcept Exception as e:\n    print('REACHED', '{0.__traceback__.tb_frame}'.format(e))",
    "try:\n    1/0\nexcept Exception as e:\n    match e:\n        case ZeroDivisionError(__traceback__=t):\n            print('REACHED', t)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_tracebacks_are_unreachable(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "<frame", "<traceback"])
