# Attack: the other lookups a `match` statement makes in C: keyword sub-patterns of a class pattern
# read attributes with the interpreter's getattr (values the guards hand out only in a checked form
# come back raw: `str.format` bound to a template, a library class's shared dict, the raw `type`), and
# a value pattern `case a.b` or a mapping key `{a.b: _}` is a LOAD_ATTR whose result reaches the
# program's own `__eq__` / `get` unguarded.
# Published: sandboxes issue 12 (round-2 red team, "every name a class pattern can read");
# RestrictedPython issue #241 (match statement support and its attribute access); pyjail write-ups
# using `case` as a getattr gadget (shirajuki "pyjail cheatsheet", 2023).
import pytest

FIELDS = "{0.__class__.__base__.__subclasses__}"

PAYLOADS = {
    "keyword-format-method": f"""
match "{FIELDS}":
    case str(format=f):
        print("REACHED", f(1)[:40])
""",
    "keyword-metaclass": """
match int:
    case object(__class__=meta):  # what int.__class__ is (the guest's type), never the real metaclass
        if meta is not type:
            print("REACHED", meta("X", (), {}))
""",
    "keyword-shared-class-dict": """
import textwrap
match textwrap.TextWrapper():
    case textwrap.TextWrapper(unicode_whitespace_trans=d):
        d[32] = "X"
        print("REACHED", type(d).__name__)
""",
    "keyword-abc-register": """
import collections.abc
match collections.abc.Sequence:
    case object(register=reg):
        reg(dict)
        print("REACHED", isinstance({}, collections.abc.Sequence))
""",
    "value-pattern-eq-capture": f"""
got = []
class E:
    def __eq__(self, other):
        got.append(other)
        return False
match E():
    case str.format:
        pass
print("REACHED", got[0]("{FIELDS}", 1)[:40])
""",
    "mapping-key-get-capture": f"""
got = []
class D(dict):
    def get(self, key, default=None):
        got.append(key)
        return default
match D(a=1):
    case {{str.format: _}}:
        pass
print("REACHED", got[0]("{FIELDS}", 1)[:40])
""",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_pattern_lookups_go_through_the_guards(guest, name):
    r = guest.run(PAYLOADS[name])
    guest.contained(r, {"violation", "error", "ok"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()


def test_value_and_key_patterns_still_compare(guest):
    code = """
import enum, math
class Color(enum.Enum):
    RED = 1
    BLUE = 2
for v in (Color.BLUE, math.pi, {Color.RED: "r"}):
    match v:
        case Color.RED:
            print("red")
        case Color.BLUE:
            print("blue")
        case math.pi:
            print("pi")
        case {Color.RED: x}:
            print("key", x)
"""
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "blue\npi\nkey r\n"), r
