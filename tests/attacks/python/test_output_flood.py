# Attack: flood the output to exhaust host memory: endless print, sys.stdout.write, sys.stderr.write,
# one huge string, print with a huge `end`, writelines over an endless iterator, output while swallowing
# the output-limit stop.
# Published: online-judge / sandbox DoS write-ups; this project's brief (output flood).
import pytest

PAYLOADS = [
    "while True:\n    print('x' * 1000)",
    "import sys\nwhile True:\n    sys.stdout.write('y' * 4096)",
    "import sys\nwhile True:\n    sys.stderr.write('z' * 4096)",
    "print('x' * 5 * 10 ** 6)",
    "print(1, end='e' * 3 * 10 ** 6)",
    "import sys, itertools\nsys.stdout.writelines(itertools.repeat('w' * 100))",
    "while True:\n    try:\n        print('q' * 10000)\n    except BaseException:\n        pass",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_output_is_capped(guest, code):
    r = guest.run(code, timeout=2.0)
    guest.contained(r, {"output_limit"}, max_wall=6.0)
    cap = guest.sandbox.policy.python.limits.max_output_bytes
    assert len((r.stdout + r.stderr).encode()) <= cap + 4096, len(r.stdout + r.stderr)
