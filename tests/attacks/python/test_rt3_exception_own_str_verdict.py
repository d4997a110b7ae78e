# Wrong verdict for correct code: an exception class with its own `__str__` (ordinary programs do this all
# the time) ended with status `timeout` ("the run is over"): the report ran the program's `__str__` after the
# run was marked finished, and its first tick stopped it. Also `sys.exit(obj)` with the program's `__str__`.
# The same moment is where a program could have chosen the verdict. Published: this project's red team,
# round 3 (F9); the class is "error reporting runs guest code outside the run's accounting" (cf. the
# RestrictedPython/PyPy sandbox reports where a guest `__repr__`/`__str__` runs in the host's formatting).
import sys

import pytest

from tests.python.native import native_file

CASES = {
    "own-str": "class E(Exception):\n    def __str__(self):\n        return 'x'\nraise E()\n",
    "own-str-args": ("class E(ValueError):\n    def __init__(self, a, b):\n        super().__init__(a)\n"
                     "        self.b = b\n    def __str__(self):\n        return f'{self.args[0]}/{self.b}'\n"
                     "def f():\n    raise E(1, [2, 3])\nprint('before')\nf()\n"),
    "own-repr-str-loop": ("class E(Exception):\n    def __str__(self):\n        return ','.join(str(i) for i in "
                          "range(5))\ntry:\n    raise E()\nexcept E as e:\n    print('caught', e)\nraise E()\n"),
    "str-raises": "class E(Exception):\n    def __str__(self):\n        raise ValueError(1)\nraise E()\n",
    "from-none": ("class E(Exception):\n    def __str__(self):\n        return 'outer'\ntry:\n    1 / 0\n"
                  "except ZeroDivisionError:\n    raise E() from None\n"),
    "exit-obj": "import sys\nclass M:\n    def __str__(self):\n        return 'bye'\nsys.exit(M())\n",
}


def _native(code: str) -> tuple[str, list[str], int]:
    """CPython's stdout, stderr lines (file path as ``main.py``, no caret lines) and exit code."""
    out, err, rc = native_file(code)
    return out, [line for line in err.splitlines() if set(line.strip()) - set("^~")], rc


@pytest.mark.parametrize("name", sorted(CASES))
def test_exception_with_own_str_reports_as_cpython(guest, name):
    code = CASES[name]
    r = guest.run(code)
    out, err, rc = _native(code)
    assert str(r.status) == ("ok" if rc == 0 else "error"), r
    assert r.exit_code == rc and r.stdout == out, r
    assert r.stderr.splitlines() == err, (r.stderr, err)
    guest.contained(r, {"error"})


def test_str_that_never_ends_is_the_program_timeout(guest):
    r = guest.run("class E(Exception):\n    def __str__(self):\n        while True:\n            pass\nraise E()\n",
                  timeout=1.0)
    guest.contained(r, {"timeout"})


assert sys.version_info >= (3, 11)
