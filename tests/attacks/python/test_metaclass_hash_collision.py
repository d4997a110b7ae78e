# Attack: the guards decide "is this the program's own class?" with `cls in guest_classes` (a set).
# A metaclass made with the 3-argument type() may define __hash__ and __eq__; a guest class using it
# (registered as the program's own) that hashes like a library class and compares equal to anything makes
# that library class look like the program's own: its attributes become writable (in-process, for every
# later run) and its guest-only dunders (__dict__, __mro__...) readable.
# Published: hash/eq confusion of membership checks in sandboxes (RestrictedPython "guarded container
# checks with attacker-controlled __eq__" discussions; pyjail write-ups on abusing __eq__/__hash__ of
# metaclasses); the brief's "metaclass" / `type(...)` 3-arg class creation with dunder namespace.
import pytest

PAYLOADS = [
    "import textwrap\nTW = textwrap.TextWrapper\n"
    "M = type('M', (type,), {'__hash__': lambda c: hash(TW), '__eq__': lambda a, b: True})\n"
    "Base = M('Base', (), {})\nclass X(Base):\n    pass\n"
    "try:\n    TW.width = 3\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', TW.width)",
    "import fractions\nF = fractions.Fraction\n"
    "M = type('M', (type,), {'__hash__': lambda c: hash(F), '__eq__': lambda a, b: True})\n"
    "class X(M('Base', (), {})):\n    pass\n"
    "try:\n    F.limit_denominator = 'POISONED'\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', F.limit_denominator)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_library_classes_cannot_pass_for_guest_classes(fresh_guest, code):
    r = fresh_guest.run(code)
    fresh_guest.contained(r, {"violation", "error", "ok"}, forbidden=["STATE 3", "STATE POISONED"])
    fresh_guest.assert_next_run_clean()
