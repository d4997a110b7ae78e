# Attack: `super(G, G)` with a class as its second argument returns the *unbound* function of the next class
# in G's MRO. With G a program subclass of a library class, `super(G, G).__init__` is the library's raw
# __init__ (read from a super object, not from a class, so the "first argument must be an instance" wrapper
# is skipped); calling it on the library class itself writes class attributes the host and every later
# in-process run share: json.JSONEncoder.__init__(json.JSONEncoder, default=..., separators=...) replaces
# the encoder's `default` method (a dead run's lambda then runs in later runs and in the host's own
# json.dumps) and its item_separator; UserDict.__init__(fractions.Fraction) plants `Fraction.data`.
# Published: the "super() with a type second argument gives unbound methods" rule of the Python data model
# (docs.python.org, "Invoking Descriptors": super(B, obj).m / super(B, cls)) used in pyjail write-ups to get
# around per-class method wrappers; the unbound-__init__-on-a-foreign-object bypass of RestrictedPython-style
# write guards (CWE-471).
import json

import pytest

PAYLOADS = [
    "import json\nclass G(json.JSONEncoder):\n    pass\ntry:\n"
    "    super(G, G).__init__(json.JSONEncoder, default=lambda *a: 'POI' + 'SONED', separators=('X', 'Y'))\n"
    "except BaseException as e:\n    print(type(e).__name__)\nprint('STATE', json.JSONEncoder.item_separator)",
    "import collections, fractions\nclass U(collections.UserDict):\n    pass\ntry:\n"
    "    super(U, U).__init__(fractions.Fraction)\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', hasattr(fractions.Fraction, 'data'))",
]


@pytest.mark.parametrize("i", range(len(PAYLOADS)))
def test_super_type_type_init_does_not_write_library_classes(fresh_guest, i):
    r = fresh_guest.run(PAYLOADS[i])
    fresh_guest.contained(r, {"violation", "error", "ok"}, forbidden=["STATE X", "STATE True"])
    # the host's own encoder must still reject what it cannot encode
    with pytest.raises(TypeError):
        json.dumps(object())
    nxt = fresh_guest.run("import json, fractions\nprint(json.dumps([1, 2]), json.dumps({'a': {1}} and 1), "
                          "hasattr(fractions.Fraction, 'data'))")
    assert nxt.stdout == "[1, 2] 1 False\n", nxt
    fresh_guest.assert_next_run_clean()


def test_super_of_own_class_still_works(guest):
    code = ("import collections\nclass U(collections.UserDict):\n    def __init__(self):\n"
            "        super().__init__(a=1)\nclass V(U):\n    pass\nv = V()\nsuper(V, v).__init__()\nprint(dict(v))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "{'a': 1}\n"), r
