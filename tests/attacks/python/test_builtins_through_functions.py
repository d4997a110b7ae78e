# Attack: get the real builtins module (and __import__) through a function: f.__globals__['__builtins__'],
# print.__self__, a builtin's __module__ lookup, getattr(f, '__builtins__') (3.10+), or the `__builtins__`
# of a library function.
# Published: smolagents CVE-2025-9959 ("__builtins__ reachable through functions"), CVE-2025-5120;
# pyjail write-ups ("print.__self__.__import__('os')", "f.__globals__['__builtins__']").
import pytest

PAYLOADS = [
    "def f():\n    pass\nprint('REACHED', f.__globals__['__builtins__'])",
    "def f():\n    pass\nprint('REACHED', getattr(f, '__glob' + 'als__'))",
    "def f():\n    pass\nprint('REACHED', getattr(f, '__builtins__'))",
    "print('REACHED', len.__self__)",
    "print('REACHED', getattr(len, '__self__').__import__('os'))",
    "import json\nprint('REACHED', json.dumps.__globals__)",
    "import json\nprint('REACHED', getattr(json.dumps, '__globals__'))",
    "import functools\nprint('REACHED', functools.reduce.__self__)",
    "import random\nprint('REACHED', random.random.__self__)",
    "def f():\n    pass\nprint('REACHED', f.__code__.co_consts)",
    "def f():\n    x = 1\n    def g():\n        return x\n    return g\nprint('REACHED', f().__closure__)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_no_builtins_module_through_functions(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
