# Attack: call `__init__` again on an object every run shares (typing's special forms and aliases, a
# shared TypeVar, a module facade): `typing.Optional.__init__(f)` makes `typing.Optional[...]` call the
# program's `f` in every later run of the process; `typing.List.__init__(dict, 0)` turns the shared alias
# into another; `json.__init__("json", {"dumps": f})` replaced the shared `json` facade's members.
# Reading `obj.__init__` is allowed (it is a vetted method name), and the bound method re-initialises the
# object in place: a write to an object the program may not write.
# Published: sandboxes round-3 preparation (own red team against the issue-12 mechanisms); the
# technique is the "re-run the constructor on a shared singleton" poisoning used against Python
# sandboxes that freeze attributes but not constructors (pyjail write-ups, e.g. "pyjail cheatsheet").
import pytest

PAYLOADS = {
    "special-form": "import typing\ntyping.Optional.__init__(lambda self, p: 'POISONED')\n"
                    "print('REACHED', typing.Optional[int])",
    "special-alias": "import typing\ntyping.List.__init__(dict, 0, name='List')\nprint('REACHED', typing.List[int])",
    "typevar": "import typing\ntyping.AnyStr.__init__('Hacked', int)\nprint('REACHED', typing.AnyStr)",
    "cached-alias": "import typing\ntyping.List[int].__init__(dict, (str,))\nprint('REACHED', typing.List[int])",
    "through-super": "import typing\nsuper(type(typing.Optional), typing.Optional).__init__(lambda s, p: 1)\n"
                     "print('REACHED')",
    "through-getattr": "import typing\ngetattr(typing.Union, '__in' + 'it__')(lambda s, p: 1)\nprint('REACHED')",
    "module-facade": "import json\njson.__init__('json', {'dumps': lambda *a, **k: 'POISONED'})\n"
                     "print('REACHED', json.dumps(1))",
    # the unbound __init__ of the facade's class, with a facade as its first argument
    "module-facade-unbound": "import json\ntype(json).__init__(json, 'json', {'dumps': lambda *a: 'POISONED'})\n"
                             "print('REACHED', json.dumps(1))",
    "unbound-special-form": "import typing\ntype(typing.Optional).__init__(typing.Optional, lambda s, p: 'POISONED')\n"
                            "print('REACHED', typing.Optional[int])",
    "unbound-typevar": "import typing\ntype(typing.AnyStr).__init__(typing.AnyStr, 'Hacked', int)\n"
                       "print('REACHED', typing.AnyStr)",
    "through-match": "import typing\nmatch typing.Optional:\n    case object(__init__=f):\n"
                     "        f(lambda s, p: 1)\n        print('REACHED')",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_shared_objects_cannot_be_reinitialised(fresh_guest, name):
    r = fresh_guest.run(PAYLOADS[name])
    fresh_guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    after = fresh_guest.run("import typing, json\n"
                            "print(typing.Optional[int], typing.List[int], typing.AnyStr, typing.Union[int, str])\n"
                            "print(json.dumps([1]))")
    assert (str(after.status), after.stdout) == (
        "ok", "typing.Optional[int] typing.List[int] ~AnyStr typing.Union[int, str]\n[1]\n"), after


def test_own_and_per_run_objects_can_be_reinitialised(guest):
    code = ("import collections, textwrap\nclass P:\n    def __init__(self, a=0):\n        self.a = a\n"
            "class Q(P):\n    def __init__(self):\n        super().__init__(5)\n"
            "q = Q()\nq.__init__()\nd = {}\nd.__init__(a=1)\nc = collections.Counter()\nc.__init__('aab')\n"
            "tw = textwrap.TextWrapper()\ntw.__init__(width=5)\ne = ValueError('x')\ne.__init__('y')\n"
            "print(q.a, d, dict(c), tw.width, e)")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "5 {'a': 1} {'a': 2, 'b': 1} 5 y\n"), r
