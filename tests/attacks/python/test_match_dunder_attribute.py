# Attack: use a `match` class pattern as a getattr gadget for dunder attributes
# (`case object(__class__=c)`, `case type(__subclasses__=s)`, `case f(__globals__=g)`), and class patterns
# whose class expression is itself a computed lookup.
# Published: pyjail write-ups using structural pattern matching to read attributes without `.`
# (e.g. "pyjail cheatsheet" by shirajuki, 2023; DiceCTF 2023 "pyjail" solutions).
import pytest

PAYLOADS = [
    "match object:\n    case type(__subclasses__=s):\n        print('REACHED', len(s()))",
    "def f():\n    pass\nmatch f:\n    case object(__globals__=g):\n        print('REACHED', g)",
    "match 1:\n    case (1).__class__():\n        print('REACHED')",
]
# A dotted pattern class is looked up through the guards (here: not a class, the interpreter says so).
DOTTED = "import sys\nmatch 1:\n    case sys.stdout.write(x):\n        print('REACHED')"


@pytest.mark.parametrize("code", PAYLOADS)
def test_dunder_class_patterns_are_refused(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "compile_error"}, forbidden=["REACHED"])


def test_class_pattern_reads_what_obj_name_reads(guest):
    # `__class__` is readable as on `obj.__class__`, which never hands out a metaclass: the pattern binds
    # the same stand-in `int.__class__` is (the guards match class patterns, reading each name as obj.name)
    r = guest.run("match int:\n    case object(__class__=c):\n        print(c is type, c is int.__class__)")
    guest.contained(r, {"ok"})
    assert r.stdout == "True True\n"


def test_dotted_pattern_class_is_a_guarded_lookup(guest):
    r = guest.run(DOTTED)
    guest.contained(r, {"error"}, forbidden=["REACHED"])
    assert "must be a type" in r.stderr


def test_ordinary_match_still_works(guest):
    code = ("from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    y: int\n"
            "match P(1, 2):\n    case P(x=1, y=yy):\n        print('ok', yy)\n"
            "match {'k': [1, 2]}:\n    case {'k': [a, *rest]}:\n        print(a, rest)")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "ok 2\n1 [2]\n"), r
