# Attack: AttributeError.obj (Python 3.10+) holds the object whose lookup failed; if a host-side lookup
# fails on an internal object, the guest catches the error and reads .obj, bypassing the guards that
# would never hand that object out. Tried through .obj, getattr() and a match class pattern.
# Published: RestrictedPython advisory on AttributeError.obj (2024/2025, noted in its CHANGES as
# "AttributeError.obj leaks the object"); pyjail write-ups using `except AttributeError as e: e.obj`.
import pytest

SETUP = "import sys\ntry:\n    sys.nope\nexcept AttributeError as e:\n    err = e\n"

PAYLOADS = [
    SETUP + "print('REACHED', type(err.obj).__name__)",
    SETUP + "print('REACHED', type(getattr(err, 'obj')).__name__)",
    SETUP + "print('REACHED', '{0.obj}'.format(err))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_attributeerror_obj_is_not_readable(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])


def test_attributeerror_obj_through_a_match_pattern(guest):
    # A class pattern reads `obj` with the interpreter's own getattr; whatever it yields must not be an
    # object the guards refuse to hand out (a module, frame, the facade's internals).
    code = ("import sys\nclass K:\n    pass\n"
            "for target in (sys, K(), sys.stdout, print):\n"
            "    try:\n        target.nope\n"
            "    except AttributeError as e:\n"
            "        match e:\n"
            "            case AttributeError(obj=o) if o is not None and o is not target:\n"
            "                print('REACHED', type(o).__name__)\n"
            "            case _:\n                pass\n"
            "print('done')")
    r = guest.run(code)
    guest.contained(r, {"ok", "violation"}, forbidden=["REACHED"])
