# Attack: the 3-argument type() builds a class from any namespace, skipping the class-body checks:
# dunder names (__getattr__, __eq__, __hash__, __reduce_ex__, __module__, __annotations__, __slots__ with
# odd names, __qualname__), names reserved for the guards (`_sb_...`), and a base list with host classes.
# Published: pyjail write-ups ("type('x', (), {'__getitem__': ...})"); RestrictedPython's refusal of
# dunder definitions in class bodies; the brief (`type(...)` 3-arg class creation with dunder namespace).
import pytest

PAYLOADS = [
    "A = type('A', (), {'_sb_ga': 1})\nprint('REACHED', A._sb_ga)",
    "A = type('A', (), {'__slots__': ('__globals__',)})\na = A()\nprint('REACHED', a.__globals__)",
    "A = type('A', (type(print),), {})\nprint('REACHED', A)",
    "A = type('A', (type(sum),), {})\nprint('REACHED')",
    "import functools\nA = type('A', (functools.partial,), {'__call__': lambda s, *a: 'REACHED'})\n"
    "print(A(print)().__class__.__mro__)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_type_namespaces_follow_the_class_rules(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
