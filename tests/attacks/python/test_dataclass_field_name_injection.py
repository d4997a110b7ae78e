# Attack: dataclasses builds __init__/__eq__/... as source text containing the field names and exec()s it
# with the real builtins, in the globals of sys.modules[cls.__module__]. A class made with the 3-argument
# type() may carry any `__annotations__` (so any field name, e.g. "a={}[environ['X']],*z") and any
# `__module__` (e.g. 'os'): the field name is injected into the generated source and runs as host code.
# Published: smolagents / RestrictedPython-style escapes through stdlib code generators (namedtuple and
# dataclasses "exec of generated source", discussed in CPython bpo-45449 / gh-90705 on field name
# validation); pyjail write-ups on "type() with a crafted namespace".
import pytest

PAYLOADS = [
    "import dataclasses\nname = \"a={}[environ['SANDBOXES_ATTACK_CANARY']],*z\"\n"
    "C = type('C', (), {'__annotations__': {name: int}, '__module__': 'os',"
    " name: dataclasses.field(init=False, repr=False)})\n"
    "try:\n    dataclasses.dataclass(C)\nexcept BaseException as e:\n    print('REACHED', type(e).__name__, e)",
    "import dataclasses\nname = \"a={}[getcwd()],*z\"\n"
    "C = type('C', (), {'__annotations__': {name: int}, '__module__': 'os',"
    " name: dataclasses.field(init=False, repr=False)})\n"
    "try:\n    dataclasses.dataclass(C)\nexcept BaseException as e:\n    print('REACHED', type(e).__name__, e)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_field_names_cannot_inject_host_code(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED KeyError", "REACHED"])


def test_ordinary_dataclasses_still_work(guest):
    code = ("from dataclasses import dataclass, field\n@dataclass(order=True)\nclass P:\n    x: int\n"
            "    y: list = field(default_factory=list)\nprint(P(1), P(1) < P(2), P(1) == P(1))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "P(x=1, y=[]) True True\n"), r
