# Attack: the class machinery runs host hooks with what the program chose, past the compile-time
# class-body rules: `class A(**{"metaclass": f})` (the keyword spelled so the syntax check never sees it)
# hands `f` the raw class namespace and lets it return anything as the class; an own class's MRO lists
# the real `enum.Enum` behind the sandbox's stand-in, whose functional API builds a class from any mapping
# (`__getattr__`, `__init_subclass__` hooks that then run); a library class whose metaclass is the real
# EnumType (`re.RegexFlag`) used as a base; type() given such bases; an alias-like base object whose
# `__mro_entries__` is not typing's.
# Published: issue 12 of this project (round-2 red team, "Class creation"); PEP 560 (__mro_entries__),
# PEP 487 (__init_subclass__, __set_name__); pyjail write-ups on metaclass/`__init_subclass__` gadgets
# ("class X(metaclass=...)", "@exec @input class X: pass").
import pytest

PAYLOADS = [
    # a metaclass keyword through ** : the function would get the raw namespace
    ("def f(name, bases, ns):\n    print('REACHED', sorted(ns))\n    return ns\n"
     "class A(**{'metaclass': f}):\n    x = 1", {"violation"}),
    ("class A(**{'metaclass': print}):\n    pass\nprint('REACHED')", {"violation"}),
    ("kw = dict(metaclass=lambda *a: 1)\nclass A(**kw):\n    pass\nprint('REACHED', A)", {"violation"}),
    # the real Enum through the MRO of an own enum, then its functional API with hooks
    ("import enum\nclass C(enum.Enum):\n    A = 1\nE = C.__mro__[-2]\nprint('SAME', E is enum.Enum)\n"
     "N = E('N', {'__getattr__': lambda s, n: 'HOOK ' + n, 'B': 2})\nprint('REACHED', N.B.anything)", {"violation"}),
    ("import enum\nclass C(enum.IntEnum):\n    A = 1\nfor E in C.mro():\n"
     "    if getattr(E, '__name__', '') in ('Enum', 'ReprEnum', 'IntEnum') and E is not enum.IntEnum:\n"
     "        N = E('N', {'__init_subclass__': lambda *a, **k: print('REACHED'), 'B': 2})\n"
     "        class D(N):\n            pass", {"violation", "error"}),
    # a library enum's mro() (a public method, not __mro__) listed the real Flag and Enum
    ("import re\nfor E in re.RegexFlag.mro():\n    if getattr(E, '__name__', '') == 'Enum':\n"
     "        N = E('N', {'__getattr__': lambda s, n: 'HOOK ' + n, 'B': 2})\n        print('REACHED', N.B.x)",
     {"violation"}),
    # a base whose metaclass is the real EnumType
    ("import re\nclass X(re.RegexFlag):\n    pass\nprint('REACHED')", {"violation"}),
    ("import re\nX = type('X', (re.RegexFlag,), {})\nprint('REACHED')", {"violation"}),
    # the functional API's mixin type is a base of the new class too
    ("import enum, re\nN = enum.Enum('N', 'A B', type=re.RegexFlag)\nprint('REACHED', N)", {"violation", "error"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_class_creation_is_decided_by_what_the_bases_are(guest, code, statuses):
    r = guest.run(code)
    guest.contained(r, statuses, forbidden=["REACHED", "HOOK"])
    if "SAME" in code:
        assert "SAME True" in r.stdout, r.stdout  # the MRO hands out the sandbox's Enum, not the real one


def test_allowed_metaclass_spellings_work(guest):
    code = ("import abc\nclass A(metaclass=type):\n    pass\nclass B(**{'metaclass': type}):\n    pass\n"
            "class C(abc.ABC, metaclass=type):\n    pass\n"
            "print(type(A) is type, type(B) is type, C.__mro__[1].__name__)")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "True True ABC\n"), r
