# Attack: a wrapper that answers `==`/`<` by comparing the object it hides (`hidden == other`) hands that
# object to the other operand's reflected `__eq__`/`__gt__` when the hidden one returns NotImplemented.
# Tried on the sandbox's stand-ins and facades: module facades, sys.stdout, `type`, `range`, the guarded
# builtins, a typing alias; each must give the program only the object it already held.
# Published: CPython bpo-43838 (mappingproxy leaks its mapping through rich comparison) and the pyjail
# gadgets built on reflected operators (e.g. "Python jail escape via __eq__ of mappingproxy", 2021-2023).
import pytest

GRAB = """
def grab(self, other):
    global RAW
    RAW = other
    return False
Grab = type("Grab", (), {n: grab for n in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")})
"""

TARGETS = {
    "module-facade": "import json\nleft = json",
    "sys-facade": "import sys\nleft = sys",
    "stdout-facade": "import sys\nleft = sys.stdout",
    "type-stand-in": "left = type",
    "range-class": "left = range",
    "guarded-getattr": "left = getattr",
    "typing-alias": "import typing\nleft = typing.List",
    "small-range": "left = range(10)",
}

CHECK = """
for op in ("==", "!=", "<", ">", "<=", ">="):
    RAW = None
    try:
        eval("left " + op + " Grab()")
    except TypeError:
        pass
    if RAW is not None and RAW is not left:
        print("REACHED", op, type(RAW).__name__)
print("checked")
"""


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_reflected_comparison_gives_back_only_the_operand(guest, name):
    r = guest.run(GRAB + TARGETS[name] + CHECK)
    guest.contained(r, {"ok"}, forbidden=["REACHED"])
    assert r.stdout.endswith("checked\n"), r
