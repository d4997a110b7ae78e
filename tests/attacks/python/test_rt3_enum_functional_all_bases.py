# Attack: the Enum functional API builds a class from any mapping, so hooks (`_missing_`, `__init_subclass__`,
# `__format__`, `_generate_next_value_`) can be planted as "members". Round 2 closed it for `enum.Enum`; tried
# here on every enum base of the facade (IntEnum, Flag, IntFlag, StrEnum) and on library enum classes reached
# through values (`re.RegexFlag`, `type(re.I)`), which must not be extensible either.
# Published: sandboxes issue 12 (round-2 red team: the real EnumType's functional API); Python enum docs
# ("Functional API" accepts a mapping of names to values); pyjail write-ups on class factories.
import pytest

BASES = ("Enum", "IntEnum", "Flag", "IntFlag", "StrEnum")

PLANT = """
import enum
E = enum.{base}("E", {{"{name}": classmethod(lambda cls, *a: print("REACHED hook")), "a": "1"}})
print("REACHED made", list(E))
E("nope")
"""

LIBRARY_ENUMS = """
import re
for make in (lambda: re.RegexFlag("X", "a b"), lambda: type(re.I)("Y", {"__init_subclass__": 1})):
    try:
        print("REACHED made", make())
    except TypeError as e:
        print("refused", e)
"""


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("name", ["_missing_", "__init_subclass__", "_generate_next_value_"])
def test_functional_api_takes_member_names_only(guest, base, name):
    r = guest.run(PLANT.format(base=base, name=name))
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])


def test_library_enums_cannot_be_extended(guest):
    r = guest.run(LIBRARY_ENUMS)
    guest.contained(r, {"ok"}, forbidden=["REACHED"])
    assert r.stdout.count("refused") == 2, r


def test_functional_api_still_works(guest):
    r = guest.run("import enum\nC = enum.IntFlag('C', 'R G B')\nS = enum.StrEnum('S', {'A': 'x'})\n"
                  "print(C.R | C.B, [m.value for m in C], S.A == 'x')")
    assert (str(r.status), r.stdout) == ("ok", "5 [1, 2, 4] True\n"), r  # CPython 3.11 prints the same
