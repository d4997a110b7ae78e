"""Unit tests of the run-time class checks (guards.Guards.check_bases and the namespace check).

A class the program creates is decided by what its bases and metaclass are: the metaclass the
interpreter would pick must be allowed, and a class in the bases' MROs that is neither the program's
nor a library class it can name must not carry a hook the class machinery would run with data the
program chose. The attack corpus cannot build such a class any more (every library factory the
facades hand out is checked), so the mechanism is tested here with classes made on the host side.
"""
import collections
import enum
import functools
import re

import pytest

from sandboxes.python import guards as G
from sandboxes.python import safe_stdlib
from sandboxes.python.transformer import GUEST_FILENAME


@pytest.fixture
def guards():
    state = G.RunState(deadline=None, max_output=None, memory_bytes=None, stdin="", max_items=100,
                       max_int_bits=1000)
    return G.Guards(state)


def _guest_function():
    return eval(compile("lambda *a, **k: None", GUEST_FILENAME, "eval"))  # noqa: S307 - a literal


@pytest.mark.parametrize("hook", ["__init_subclass__", "__set_name__", "__getattr__", "__class_getitem__"])
def test_a_library_made_class_carrying_a_program_hook_is_refused(guards, hook):
    fn = _guest_function()
    smuggled = type("Smuggled", (), {hook: classmethod(fn) if hook == "__init_subclass__" else fn})
    with pytest.raises(G.ViolationStop):
        guards.check_bases("class 'X'", (smuggled,))
    assert guards.state.violations[-1][0] == "class"


def test_a_builtin_put_as_a_hook_is_refused(guards):
    with pytest.raises(G.ViolationStop):
        guards.check_bases("class 'X'", (type("Smuggled", (), {"__getattr__": print}),))


def test_library_made_classes_without_hooks_pass(guards):
    point = collections.namedtuple("Point", "x y")
    assert guards.check_bases("class 'X'", (point,)) == (type, (point,))
    assert guards.check_bases("class 'X'", (safe_stdlib.SAFE_ENUMS["Enum"],))[0] is safe_stdlib._SafeEnumType


def test_the_real_enum_metaclass_is_not_allowed(guards):
    for base in (enum.Enum, re.RegexFlag):
        with pytest.raises(G.ViolationStop):
            guards.check_bases("class 'X'", (base,))


def test_an_explicit_metaclass_must_be_allowed(guards):
    assert guards.check_bases("class 'X'", (), G.SafeType)[0] is type  # the program's `type`
    with pytest.raises(G.ViolationStop):
        guards.check_bases("class 'X'", (), _guest_function())


def test_namespace_values_whose_set_name_is_not_vetted_are_refused(guards):
    hooked = type("Desc", (), {"__set_name__": _guest_function()})
    with pytest.raises(G.ViolationStop):
        G._check_set_name("class 'X'", {"d": hooked()}, guards.state)
    G._check_set_name("class 'X'", {"c": functools.cached_property(len)}, guards.state)  # a library one


def test_the_mro_the_program_sees_shows_stand_ins_once():
    safe = safe_stdlib.SAFE_ENUMS

    class Color(safe["Enum"]):
        RED = 1

    class Level(safe["IntEnum"]):
        LOW = 1

    assert G._guest_view(Color.__mro__) == (Color, safe["Enum"], object)
    assert G._guest_view(Level.__mro__) == (Level, safe["IntEnum"], int, safe["ReprEnum"], safe["Enum"], object)
    assert [c.__name__ for c in G._guest_view(Level.__mro__)] == ["Level", "IntEnum", "int", "ReprEnum", "Enum",
                                                                   "object"]
