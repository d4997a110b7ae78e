"""Frames of code run by exec()/eval() show as CPython shows them: ``File "<string>"``, no source line.

That code is compiled under the program's file name (the guards recognise the program's code by it),
so a traceback used to quote the *program's* line of the same number for it.
"""
import pytest

from .native import native

CASES = [
    "def f():\n    exec('x = 1\\ny = 1 / 0')\nf()",
    "ns = {}\nexec('def g(n):\\n    return [1][n]\\n', ns)\nns['g'](5)",
    "print(eval('(1 +\\n 2)', {}))\neval('len(5)')",
]


@pytest.mark.parametrize("code", CASES)
def test_exec_frames_are_string_frames(sb, code):
    r = sb.run("python", code)
    want = native(code)[1].splitlines()
    assert str(r.status) == "error", r
    got = r.stderr.splitlines()
    # the innermost frame and the exception line are CPython's, word for word
    assert got[-2:] == want[-2:], (got, want)
    # natively the program itself is "<string>" too (python3 -c): as many frames in all
    frames = sum('File "<string>"' in line or 'File "main.py"' in line for line in got)
    assert frames == sum('File "<string>"' in line for line in want), (got, want)
