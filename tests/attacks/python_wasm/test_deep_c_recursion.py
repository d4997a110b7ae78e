# our own red team (CPython's Lib/test/crashers tradition: C recursion that skips the recursion limit):
# json.dumps / repr / pickle / == of deeply nested lists, and sys.setrecursionlimit(10**6) then recursing.
"""Deep recursion in C or Python ends with a clean error or status, never a host crash."""

from __future__ import annotations

import pytest

from tests.attacks.python_wasm import wguest

NEST = "x = []\nfor _ in range(10**6):\n    x = [x]\n"
CASES = {
    "json_dumps": NEST + "import json\njson.dumps(x)",
    "repr": NEST + "repr(x)",
    "pickle": NEST + "import pickle\npickle.dumps(x)",
    "eq": NEST + "y = []\nfor _ in range(10**6):\n    y = [y]\nx == y",
    "copy_deepcopy": NEST + "import copy\ncopy.deepcopy(x)",
    "self_repr": "import sys\nsys.setrecursionlimit(10**6)\nclass A:\n    def __repr__(self): return repr([self])\nrepr(A())",
}
# CPython's parser refuses deep nesting with "MemoryError: Parser stack overflowed - Python source too
# complex to parse" at 63 MB of 512: an error about the source, not the memory limit (fixed in the engine).
CASES |= {
    "compile_nested": "compile('(' * 10**5 + ')' * 10**5, 's', 'eval')",
    "ast_literal": "import ast\nast.literal_eval('[' * 10**5 + ']' * 10**5)",
    "numpy_object_repr": NEST + "import numpy as np\na = np.empty(1, dtype=object)\na[0] = x\nrepr(a)",
}


@pytest.mark.parametrize("code", [CASES[k] for k in sorted(CASES)], ids=sorted(CASES))
def test_c_recursion_is_a_clean_error(wsb, code):
    r = wguest.run(wsb, code, timeout=20, wall=60)
    wguest.status(r, "error")
    assert "RecursionError" in r.stderr or "MemoryError" in r.stderr or "SyntaxError" in r.stderr \
        or "too many nested" in r.stderr, r.stderr[-500:]
    wguest.host_fine(wsb)


def test_raised_recursion_limit_then_python_recursion(wsb):
    code = "import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\nf(0)"
    r = wguest.run(wsb, code, timeout=30, wall=90)
    # CPython raises RecursionError when its C-stack margin is reached; printing that traceback then
    # overflows the wasm stack: wasmtime's stack-overflow trap, an error status, the host untouched.
    assert str(r.status) in ("error", "timeout"), (r.status, r.stderr[-300:])
    if str(r.status) == "error":
        assert "RecursionError" in r.stderr or r.extra.get("stop_detail") == "wasmtime:trap:stack_overflow"
    wguest.host_fine(wsb)
