# Attack: dataclasses generates __init__ & co. as source text built from the field names and exec()s it
# in sys.modules[cls.__module__].__dict__ (the host's __main__, real builtins). The first-round fix keeps
# a crafted __annotations__ out of the 3-argument type(), but a class statement's own `__annotations__`
# is readable on the program's own class and is the class's real, mutable dict: adding a key such as
# "a=<host expression>,*b" (with an init=False field so the generated __init__ parses) puts the key into
# `def __create_fn__(_type_a=<host expression>,*b, ...)`, whose default runs as host code when the
# generated function is defined.
# Published: CPython gh-90705 / bpo-45449 (dataclasses and namedtuple exec generated source built from
# field names, names not validated); pyjail write-ups on abusing stdlib code generators
# ("dataclass field name injection"); our own first-round test_dataclass_field_name_injection.py.
import pytest


def payloads(path):
    leak = ("[__import__('os').environ.get('SANDBOXES_ATTACK_CANARY'), "
            f"open({str(path)!r}).read()]")
    base = (
        "import dataclasses, json\n"
        "class C:\n    pass\n"
        "n = \"a=type.__setattr__(__import__('json').JSONEncoder,'leak',{leak}),*b\"\n"
        "C.__annotations__[n] = int\n"
        "setattr(C, n, dataclasses.field(init=False, repr=False, compare=False))\n"
        "try:\n    dataclasses.dataclass(C)\nexcept BaseException as e:\n    print('raised', type(e).__name__)\n"
        "print('REACHED', getattr(json.JSONEncoder, 'leak', None))\n"
    )
    # The same through an annotation added to a class that already has ordinary fields.
    second = (
        "from dataclasses import dataclass, field\n"
        "class D:\n    pass\n"
        "D.__annotations__[\"z=type.__setattr__(__import__('json').JSONDecoder,'leak',"
        "__import__('os').getcwd()),*q\"] = int\n"
        "for k in list(D.__annotations__):\n    setattr(D, k, field(init=False))\n"
        "try:\n    dataclass(D)\nexcept BaseException as e:\n    print('raised', type(e).__name__)\n"
        "import json\nprint('REACHED', getattr(json.JSONDecoder, 'leak', None))\n"
    )
    return [base.replace("{leak}", leak), second]


@pytest.mark.parametrize("i", range(2))
def test_annotation_keys_cannot_inject_host_code(guest, canary, i):
    r = guest.run(payloads(canary.file_path)[i])
    guest.contained(r, {"violation", "error", "ok"}, forbidden=["REACHED [", "REACHED /", "REACHED ("])
    assert "REACHED None" in r.stdout or str(r.status) in {"violation", "error"}, r


def test_ordinary_dataclass_with_annotations_read(guest):
    code = ("from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    y: str = 'a'\n"
            "print(P(1), sorted(P.__annotations__))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "P(x=1, y='a') ['x', 'y']\n"), r
