# Attack: get a metaclass without `metaclass=` or `type`: a class statement whose base is `typing.Type`
# (or `typing.Type[int]`) resolves, through the alias's __mro_entries__, to the real `type`. The program
# owns that class M, so `M.__mro__[1]` hands out the real `type` (whose one-argument form then returns
# metaclasses such as EnumType and ABCMeta), and calling M builds classes from any namespace, skipping
# the class-body rules: __getattribute__, __del__, __set_name__, __class__ properties, __module__...
# Published: PEP 560 (__mro_entries__ lets a non-class in a base list pick the real bases); pyjail
# write-ups on recovering `type` from a restricted namespace ("().__class__.__class__", "typing.Type
# bases"); our own first-round attack test_type_three_arg_namespace.py (the same namespace, via type()).
import pytest

PAYLOADS = [
    # the real type, then a real metaclass from it
    "import typing, enum\nclass M(typing.Type):\n    pass\nT = M.__mro__[1]\n"
    "print('REACHED', T is not type, T(enum.Enum))",
    # a class with a namespace the class-body rules refuse
    "import typing\nclass M(typing.Type):\n    pass\n"
    "X = M('X', (), {'__getattribute__': lambda s, n: 'ATTR ' + n})\nprint('REACHED', X().anything)",
    "import typing\nclass M(typing.Type[int]):\n    pass\n"
    "X = M('X', (), {'__del__': lambda s: None, '__set_name__': lambda s, o, n: None, '__module__': 'os'})\n"
    "print('REACHED', X.__module__)",
    # a metaclass subclass defining class machinery, used by an ordinary class statement
    "import typing\nclass M(typing.Type):\n    pass\n"
    "M2 = M('M2', (M,), {'__instancecheck__': lambda c, o: True})\n"
    "class Any1(M2('B', (), {})):\n    pass\nprint('REACHED', isinstance(1, Any1))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_no_metaclass_through_generic_aliases(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])


def test_generic_aliases_still_usable_as_annotations(guest):
    code = ("import typing\ndef f(t: typing.Type[int]) -> typing.List[int]:\n    return [t(1)]\n"
            "class G(typing.Generic[typing.TypeVar('T')]):\n    pass\nprint(f(int), G[int]().__class__.__name__)")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "[1] G\n"), r
