# Attack: the classic pyjail walk `().__class__.__base__.__subclasses__()` to find a class whose
# methods' __globals__ hold `os` (e.g. os._wrap_close), written directly, through getattr() with a
# computed name and through type.__subclasses__.
# Published: countless CTF "pyjail" write-ups (e.g. pwn.college "sandboxing" module, HackTricks
# "Bypass Python sandboxes"); the first step of most RestrictedPython escapes.
import pytest

PAYLOADS = [
    "print('REACHED', len(().__class__.__base__.__subclasses__()))",
    "b = getattr(getattr((), '__cl' + 'ass__'), '__ba' + 'se__')\n"
    "print('REACHED', len(getattr(b, '__subcl' + 'asses__')()))",
    "print('REACHED', len(type.__subclasses__(object)))",
    "print('REACHED', [c for c in object.__subclasses__() if c.__name__ == '_wrap_close'])",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_subclasses_walk_is_refused(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation"}, forbidden=["REACHED"])
    assert r.violations, "a refusal must be reported as a Violation"
