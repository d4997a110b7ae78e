# Attack: hand library code and the guards a `str` subclass whose own methods lie (`startswith` says no,
# `isidentifier` says yes, `__str__` returns source text) as a name: namedtuple / typing.NamedTuple field names
# (namedtuple builds its `__new__` with eval), Enum functional-API member names, getattr/setattr names.
# Published: pyjail write-ups abusing str subclasses to pass name checks (e.g. "str subclass bypass" in
# CTF pyjail collections, 2022-2024); RestrictedPython advisories on name checks done with methods the
# sandboxed code controls (GHSA-2023 "string formatting / str subclass" class).
import pytest

LIAR = """
class K(str):
    def startswith(self, *a):
        return False
    def isidentifier(self):
        return True
    def __str__(self):
        return "a, b): print('REACHED injected')\\n#"
"""

NAMEDTUPLE = LIAR + """
import collections
P = collections.namedtuple("P", [K("x")])
print("REACHED made", P._fields)
"""

TYPING_NAMEDTUPLE = LIAR + """
import typing
T = typing.NamedTuple("T", [(K("__del__"), int)])
print("REACHED made", T._fields)
"""

ENUM_FUNCTIONAL = LIAR + """
import enum
E = enum.Enum("E", [K("__init_subclass__")])
print("REACHED made", list(E))
"""

GETATTR_NAME = LIAR + """
import json
print("REACHED", getattr(json.dumps, K("__globals__")))
"""

SETATTR_NAME = LIAR + """
class C:
    pass
setattr(C, K("__init_subclass__"), classmethod(lambda cls: print("REACHED hook")))
class D(C):
    pass
"""

PAYLOADS = {"namedtuple": NAMEDTUPLE, "typing-namedtuple": TYPING_NAMEDTUPLE, "enum-functional": ENUM_FUNCTIONAL,
            "getattr-name": GETATTR_NAME, "setattr-name": SETATTR_NAME}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_str_subclass_names_are_not_trusted(fresh_guest, name):
    r = fresh_guest.run(PAYLOADS[name])
    fresh_guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    fresh_guest.assert_next_run_clean()


def test_plain_names_still_work(guest):
    r = guest.run("import collections, enum\nP = collections.namedtuple('P', 'x y')\nE = enum.Enum('E', 'a b')\n"
                  "print(P(1, 2), [m.name for m in E], getattr(P(3, 4), 'y'))")
    assert (str(r.status), r.stdout) == ("ok", "P(x=1, y=2) ['a', 'b'] 4\n"), r
