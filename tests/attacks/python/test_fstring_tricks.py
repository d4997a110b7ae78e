# Attack: f-strings as a getattr gadget: attribute access inside replacement fields, `!r`/`!s`/`!a`
# conversions calling a host __repr__, nested format specs, `=` debugging specifiers, and format specs
# that call __format__ with a crafted spec.
# Published: RestrictedPython GHSA-wqc8-x2pr-7jqh family (format strings); pyjail write-ups
# ("f'{().__class__.__base__.__subclasses__()!r}'", f-string `!r` tricks).
import pytest

PAYLOADS = [
    "print('REACHED', f'{().__class__.__base__.__subclasses__()!r}')",
    "def f():\n    pass\nprint('REACHED', f'{f.__globals__!s}')",
    "x = ()\nprint('REACHED', f'{x.__class__.__mro__=}')",
    "print('REACHED', f\"{'{0.__class__.__base__}'.format(1)}\")",
    "print('REACHED', f'{1:{().__class__.__base__.__subclasses__}}')",
    "print('REACHED', f'{getattr(object, chr(95) * 2 + \"subclasses\" + chr(95) * 2)!r:>{10}}')",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_fstrings_follow_the_attribute_rules(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])


def test_ordinary_fstrings_still_work(guest):
    r = guest.run("x = 3.14159\nname = 'a'\nprint(f'{x:.2f} {name!r} {x=:.1f} {[1, 2]!s:>8}')")
    guest.contained(r, {"ok"})
    assert r.stdout == "3.14 'a' x=3.1   [1, 2]\n", r.stdout
