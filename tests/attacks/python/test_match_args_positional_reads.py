# Attack: a `match` class pattern's *positional* sub-patterns make the interpreter (MATCH_CLASS, in C)
# read the attributes named in the class's `__match_args__`, which may hold any string
# ("__traceback__", "gi_frame", "__globals__", "_sb_members"). The subject only has to pass isinstance,
# which the program controls: an exception class of its own, an ABC with register() on a host type, or
# a runtime_checkable Protocol whose `__match_args__` sits on a base named "Generic" (skipped by
# typing's member collection). Result on the old code: real tracebacks, frames and module globals.
# Published: sandboxes issue 12 (round-2 red team); pyjail write-ups using structural pattern matching
# as an attribute gadget (shirajuki "pyjail cheatsheet", 2023; DiceCTF/UIUCTF 2023 pyjail solutions).
import pytest

OWN_EXCEPTION = """
class E(Exception):
    __match_args__ = ("__traceback__",)
try:
    raise E()
except E as e:
    match e:
        case E(tb):
            print("REACHED", type(tb).__name__)
"""

ABC_REGISTER = """
import abc
class A(abc.ABC):
    __match_args__ = ("__traceback__",)
A.register(ZeroDivisionError)
try:
    1 / 0
except ZeroDivisionError as err:
    match err:
        case A(tb):
            print("REACHED", type(tb).__name__)
"""

PROTOCOL_GENERATOR_FRAME = """
import typing
class Generic(typing.Protocol):
    __match_args__ = ("gi_frame",)
@typing.runtime_checkable
class G(Generic, typing.Protocol):
    def send(self): ...
def gen():
    yield 1
match gen():
    case G(frame):
        print("REACHED", type(frame).__name__)
"""

PROTOCOL_FUNCTION_GLOBALS = """
import json, typing
class Generic(typing.Protocol):
    __match_args__ = ("__globals__",)
@typing.runtime_checkable
class F(Generic, typing.Protocol):
    def __call__(self): ...
match json.dumps:
    case F(g):
        print("REACHED", sorted(g)[:3])
"""

FACADE_INTERNALS = """
import sys, typing
class Generic(typing.Protocol):
    __match_args__ = ("_sb_members",)
@typing.runtime_checkable
class W(Generic, typing.Protocol):
    def write(self): ...
match sys.stdout:
    case W(m):
        print("REACHED", type(m).__name__)
"""

MATCH_ARGS_BUILT_AT_RUN_TIME = """
import abc
class A(abc.ABC):
    __match_args__ = ("_" * 2 + "traceback" + "_" * 2,)
A.register(ZeroDivisionError)
try:
    1 / 0
except ZeroDivisionError as err:
    match err:
        case A(tb):
            print("REACHED", type(tb).__name__)
"""

NESTED_IN_A_SEQUENCE = """
class E(Exception):
    __match_args__ = ("__traceback__",)
try:
    raise E()
except E as e:
    match [1, (e,)]:
        case [1, (E(tb),)]:
            print("REACHED", type(tb).__name__)
"""

# __match_args__ that appears after a first match: dataclass() applied later to an ABC of the program's
DATACLASS_LATER = """
import abc, dataclasses
class P(abc.ABC):
    gi_frame: int
def gen():
    yield 1
P.register(type(gen()))
g = gen()
try:
    match g:
        case P(f):
            pass
except TypeError:
    pass
P = dataclasses.dataclass(P)
match g:
    case P(f):
        print("REACHED", type(f).__name__)
"""

PAYLOADS = {"own-exception": OWN_EXCEPTION, "dataclass-later": DATACLASS_LATER, "abc-register": ABC_REGISTER,
            "protocol-generator-frame": PROTOCOL_GENERATOR_FRAME,
            "protocol-function-globals": PROTOCOL_FUNCTION_GLOBALS, "facade-internals": FACADE_INTERNALS,
            "match-args-at-run-time": MATCH_ARGS_BUILT_AT_RUN_TIME, "nested": NESTED_IN_A_SEQUENCE}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_positional_sub_patterns_read_through_the_guards(guest, name):
    r = guest.run(PAYLOADS[name])
    guest.contained(r, {"violation", "error", "ok"}, forbidden=["REACHED"])


def test_refusal_is_reported(guest):
    r = guest.run(OWN_EXCEPTION)
    assert str(r.status) == "violation", r
    assert "__traceback__" in r.stderr


def test_positional_patterns_of_ordinary_classes_still_match(guest):
    code = """
from dataclasses import dataclass
from collections import namedtuple
@dataclass
class P:
    x: int
    y: int
Pt = namedtuple("Pt", "a b")
class C:
    __match_args__ = ("_v", "w")
    def __init__(self):
        self._v, self.w = 1, 2
for v in (P(1, 2), Pt(3, 4), C(), 5, "s", [7], {"k": 8}, 2.5, True):
    match v:
        case P(a, b) | Pt(a, b) | C(a, b):
            print("two", a, b)
        case bool(b):
            print("bool", b)
        case int(n) | float(n) | str(n):
            print("scalar", n)
        case list([x]) | dict({"k": x}):
            print("container", x)
"""
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "two 1 2\ntwo 3 4\ntwo 1 2\nscalar 5\nscalar s\ncontainer 7\n"
                                               "container 8\nscalar 2.5\nbool True\n"), r
