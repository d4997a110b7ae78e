# Attack: keep running past the deadline by catching the timeout: `while True` with `try/except
# BaseException`, a bare except around the loop, a finally block that loops, a generator whose close()
# loops, a __exit__ that suppresses every exception, and except clauses that re-enter the loop.
# Published: RestrictedPython / CodeJail timeout discussions ("SandboxStop must not be catchable");
# this project's brief (`while True` with `try/except BaseException` swallowing the timeout).
import pytest

PAYLOADS = [
    "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass",
    "def spin():\n    while True:\n        try:\n            spin()\n        except:\n            pass\nspin()",
    "try:\n    while True:\n        pass\nfinally:\n    while True:\n        pass",
    "class S:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        return True\n"
    "while True:\n    with S():\n        while True:\n            pass",
    "def g():\n    try:\n        yield 1\n    finally:\n        while True:\n            pass\nx = g()\nnext(x)\nx.close()",
    "import time\nwhile True:\n    try:\n        time.sleep(10)\n    except BaseException:\n        pass",
    "x = 0\nwhile True:\n    try:\n        x = sum(i for i in range(10 ** 7))\n    except BaseException as e:\n        x = e",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_the_timeout_cannot_be_swallowed(guest, code):
    r = guest.run(code, timeout=1.0, wall=10.0)
    guest.contained(r, {"timeout"}, max_wall=3.0)
