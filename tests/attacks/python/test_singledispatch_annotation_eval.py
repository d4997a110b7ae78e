# Attack: functools.singledispatch's `register(func)` reads the type of the first parameter from its
# annotation with typing.get_type_hints, which eval()s string annotations with the real compiler in the
# function's globals: no RestrictedPython rewriting, so `().__class__.__base__.__subclasses__()` works
# inside the string. get_type_hints itself is left out of the typing facade; singledispatch reaches it.
# Published: smolagents CVE-2025-5120 / CVE-2025-9959 (sandbox escapes through allowed stdlib functions
# that evaluate strings); pyjail write-ups on typing.get_type_hints / ForwardRef evaluating annotations.
import pytest

WALK = ("[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close'][0]"
        ".__init__.__globals__")

PAYLOADS = [
    "import functools\n@functools.singledispatch\ndef f(x):\n    pass\n"
    f"def g(x: \"{WALK}['environ']['SANDBOXES_ATTACK_CANARY']\"):\n    pass\n"
    "try:\n    f.register(g)\nexcept Exception as e:\n    print('REACHED', e)",
    "import functools\n@functools.singledispatch\ndef f(x):\n    pass\n"
    f"def g(x: \"{{}}[{WALK}['getcwd']()]\"):\n    pass\n"
    "try:\n    f.register(g)\nexcept Exception as e:\n    print('REACHED', e)",
    "import functools\nclass C:\n    @functools.singledispatchmethod\n    def m(self, x):\n        pass\n"
    f"    def h(self, x: \"{{}}[len(().__class__.__base__.__subclasses__())]\"):\n        pass\n"
    "    try:\n        m.register(h)\n    except Exception as e:\n        print('REACHED', e)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_string_annotations_are_not_evaluated_unrestricted(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error", "ok"}, forbidden=["REACHED"])


def test_singledispatch_with_real_types_still_works(guest):
    code = ("import functools\n@functools.singledispatch\ndef f(x):\n    return 'obj'\n"
            "@f.register\ndef _(x: int):\n    return 'int'\n@f.register(str)\ndef _(x):\n    return 'str'\n"
            "print(f(1), f('a'), f(1.5))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "int str obj\n"), r
