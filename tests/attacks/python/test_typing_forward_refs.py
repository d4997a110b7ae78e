# Attack: make typing / dataclasses / enum evaluate a string with the real compiler: typing.get_type_hints,
# typing.ForwardRef(...)._evaluate, NamedTuple/TypedDict string annotations, dataclass InitVar/ClassVar
# strings, typing.Annotated metadata, a class whose __annotations__ are strings read by a library.
# Published: pyjail write-ups on typing.get_type_hints / ForwardRef evaluating annotation strings;
# smolagents CVE-2025-5120 family; this project's brief (dataclasses/typing evaluating strings).
import pytest

WALK = "().__class__.__base__.__subclasses__()"

PAYLOADS = [
    f"import typing\ndef f(x: '{WALK}'):\n    pass\nprint('REACHED', typing.get_type_hints(f))",
    f"import typing\nprint('REACHED', typing.ForwardRef('{WALK}'))",
    "import typing\nfrom typing import get_type_hints\nprint('REACHED')",
    f"import typing\nN = typing.NamedTuple('N', [('a', '{WALK}')])\nprint('REACHED', N.__annotations__)",
    f"import typing\nclass T(typing.TypedDict):\n    a: '{WALK}'\nprint('REACHED', T.__annotations__)",
    f"import dataclasses\n@dataclasses.dataclass\nclass D:\n    a: 'dataclasses.InitVar[{WALK}]' = 1\n"
    f"print('REACHED', dataclasses.fields(D)[0].type.__class__)",
    f"import typing\nx = typing.Annotated[int, '{WALK}']\nprint('REACHED', typing.get_type_hints)",
    f"import typing\nprint('REACHED', typing.List['{WALK}'].__args__[0]._evaluate(None, None, frozenset()))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_annotation_strings_stay_strings(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error", "ok"}, forbidden=["REACHED [", "<class 'os", "_wrap_close"])
    assert "_wrap_close" not in r.stdout and "<class 'function'>" not in r.stdout
