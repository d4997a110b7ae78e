# Attack: the class hooks a program may define since issue 13 (__init_subclass__, __set_name__,
# __class_getitem__, __getattr__, __copy__/__deepcopy__/__getnewargs__) and the guarded
# __setattr__/__delattr__ stand-ins, used to reach or write what is not the program's: a library's own
# __init_subclass__ called on its class (typing.Protocol writes there, shared by every run), the adoption
# of a subclass made by __init_subclass__ stretched to a library class, object.__setattr__ on a library
# object or a module facade, the raw slot wrapper through a class pattern, and copy's protocol.
# Published: pyjail write-ups on __init_subclass__/__set_name__ gadgets; "object.__setattr__ bypasses
# frozen" idioms; smolagents/RestrictedPython reports of setattr on shared modules.
import pytest

PAYLOADS = [
    # a library's hook on its own class (shared state of every run)
    ("import typing\ntyping.Protocol.__init_subclass__()\nprint('REACHED')", {"error", "violation"}),
    ("print('REACHED', int.__init_subclass__, object.__init_subclass__)", {"error", "violation"}),
    ("import functools\nfunctools.cached_property(len).__set_name__(int, 'x')\nprint('REACHED')",
     {"error", "violation"}),
    # adoption: only a class made in this run with the program's class in its MRO
    ("class A:\n    def __init_subclass__(cls, **kw):\n        cls.tag = 1\n"
     "A.__dict__['__init_subclass__'].__func__(int)\nprint('REACHED')", {"error", "violation"}),
    ("class A:\n    def __init_subclass__(cls, **kw):\n        pass\n"
     "m = A.__init_subclass__\nm.__self__\nprint('REACHED')", {"error", "violation"}),
    ("class A:\n    def __init_subclass__(cls, **kw):\n        cls.x = 1\nA.__init_subclass__()\n"
     "import json\njson.JSONDecoder.x = 1\nprint('REACHED')", {"error", "violation"}),
    # object.__setattr__ / __delattr__ on what the program may not write
    ("import json\nobject.__setattr__(json, 'dumps', print)\nprint('REACHED')", {"error", "violation"}),
    ("import json\nobject.__setattr__(json.JSONDecoder(), 'parse_object', print)\nprint('REACHED')",
     {"error", "violation"}),
    ("import fractions\nobject.__setattr__(fractions.Fraction, 'x', 1)\nprint('REACHED')", {"error", "violation"}),
    ("class A:\n    pass\nobject.__setattr__(A(), '__class__', int)\nprint('REACHED')", {"error", "violation"}),
    ("class A:\n    pass\nobject.__setattr__(A(), '_sb_ga', 1)\nprint('REACHED')", {"error", "violation"}),
    ("import json\njson.__setattr__('dumps', print)\nprint('REACHED')", {"error", "violation"}),
    ("import json\nd = json.JSONDecoder()\nsuper(json.JSONDecoder, d).__setattr__('strict', 0)\nprint('REACHED')",
     {"error", "violation"}),
    ("import json\nobject.__delattr__(json.JSONDecoder(), 'strict')\nprint('REACHED')", {"error", "violation"}),
    ("import json\nmatch object:\n    case type(__setattr__=f):\n        f(json.JSONDecoder(), 'strict', 0)\n"
     "        print('REACHED')", {"error", "violation"}),
    ("s = getattr(object, '__setattr__')\nimport json\ns(json.JSONDecoder(), 'strict', 0)\nprint('REACHED')",
     {"error", "violation"}),
    # __getattr__ answering the names the guards and copy look up
    ("import copy\nclass G:\n    def __getattr__(self, n):\n        return (lambda *a: (print, ('REACHED',))) "
     "if n == '__reduce_ex__' else None\ncopy.copy(G())", {"ok", "error", "violation"}),
    ("class G:\n    def __getattr__(self, n):\n        return n\ng = G()\nprint(g._sb_ga, 'REACHED')", {"violation"}),
    # __set_name__ / __init_subclass__ / __class_getitem__ are not allowed through type() namespaces
    ("A = type('A', (), {'__init_subclass__': print})\nclass B(A):\n    pass\nprint('REACHED')", {"violation"}),
    ("A = type('A', (), {'__class_getitem__': print})\nA[0]\nprint('REACHED')", {"violation"}),
    ("A = type('A', (), {'__getattr__': getattr})\nprint('REACHED', A().x)", {"violation"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_class_hooks_reach_only_the_programs_objects(guest, code, statuses):
    r = guest.run(code)
    guest.contained(r, statuses, forbidden=["REACHED"])


def test_hooks_run_with_the_programs_objects(guest):
    code = ("class Base:\n    registry = []\n    def __init_subclass__(cls, tag='', **kw):\n"
            "        super().__init_subclass__(**kw)\n        cls.tag = tag\n"
            "        Base.registry.append(cls.__name__)\n"
            "class D(Base, tag='d'):\n    pass\nprint(D.tag, Base.registry)\n"
            "from dataclasses import dataclass\n@dataclass(frozen=True)\nclass P:\n    x: int\n"
            "    def __post_init__(self):\n        object.__setattr__(self, 'x', self.x * 2)\nprint(P(2))\n")
    r = guest.run(code)
    guest.contained(r, {"ok"})
    assert r.stdout == "d ['D']\nP(x=4)\n"
    guest.assert_next_run_clean()
