# our own red team: every way CPython writes output (print, sys.stdout.buffer, os.write, stderr, warnings,
# logging, a traceback of a huge exception message, faulthandler) is counted against max_output_bytes.
"""Output through every path reaches our fd_write and its cap: status output_limit, at most the cap kept."""

from __future__ import annotations

import pytest

from tests.attacks.python_wasm import wguest

CAP = 1 << 20  # the default policy's max_output_bytes
NOTICE = "output limit exceeded\n"

FLOODS = {
    "print": "while True: print('p' * 65536)",
    "stdout.write": "import sys\nwhile True: sys.stdout.write('s' * 65536)",
    "stdout.buffer": "import sys\nwhile True: sys.stdout.buffer.write(b'b' * 65536)",
    "os.write.1": "import os\nwhile True: os.write(1, b'o' * 65536)",
    "os.write.huge": "import os\nos.write(1, b'h' * (200 << 20))",
    "os.write.2": "import os\nwhile True: os.write(2, b'e' * 65536)",
    "stderr": "import sys\nwhile True: sys.stderr.write('e' * 65536)",
    "print.file.stderr": "import sys\nwhile True: print('f' * 65536, file=sys.stderr, flush=True)",
    "warnings": "import warnings\ni = 0\nwhile True:\n    i += 1\n    warnings.warn('w' * 65536 + str(i))",
    "logging": "import logging\nwhile True: logging.error('l' * 65536)",
    "traceback.huge_message": "raise ValueError('v' * (8 << 20))",
    "traceback.print_exc": "import traceback\ntry:\n    raise KeyError('k' * (4 << 20))\nexcept KeyError:\n    traceback.print_exc()",
    "faulthandler.dump": "import faulthandler, sys\nwhile True: faulthandler.dump_traceback(sys.stderr)",
    "writelines": "import sys\nwhile True: sys.stdout.writelines(['v' * 65536] * 64)",
    "numpy.tofile": "import numpy as np, sys\nnp.set_printoptions(threshold=10**6)\nwhile True: print(np.arange(100000))",
    "pandas.to_csv": "import pandas as pd, sys\ndf = pd.DataFrame({'a': range(100000)})\nwhile True: df.to_csv(sys.stdout)",
}


@pytest.mark.parametrize("name", sorted(FLOODS))
def test_flood_is_output_limit(wsb, name):
    r = wguest.run(wsb, FLOODS[name], timeout=10)
    wguest.status(r, "output_limit")
    assert r.stderr.endswith(NOTICE)
    # the guest's own bytes stay within the cap, and so does everything returned (the notice included)
    guest = (r.stdout + r.stderr[:-len(NOTICE)]).encode()
    if len(guest) == CAP + 1 and guest.endswith(b"\n"):
        guest = guest[:-1]
    assert len(guest) <= CAP
    wguest.host_fine(wsb)


def test_stdout_and_stderr_share_one_cap(wsb):
    code = "import os\nos.write(1, b'a' * 700000)\nos.write(2, b'b' * 700000)\nprint('never')"
    r = wguest.run(wsb, code, timeout=10)
    wguest.status(r, "output_limit")
    assert r.stdout == "a" * 700000 and len(r.stderr.encode()) <= CAP - 700000 + 64


def test_a_policy_cap_of_1000_bytes_holds():
    import dataclasses

    import sandboxes
    from tests.python_wasm import wasmhelp

    pol = wasmhelp.make_policy()
    pol = dataclasses.replace(pol, python=dataclasses.replace(
        pol.python, limits=dataclasses.replace(pol.python.limits, max_output_bytes=1000)))
    with sandboxes.Sandbox(pol) as sb:
        r = wguest.run(sb, "import os\nos.write(1, b'z' * 5000)", timeout=10)
        wguest.status(r, "output_limit")
        assert r.stdout == "z" * len(r.stdout) and len(r.stdout) >= 1000 - len(NOTICE) - 1
        assert len(r.stdout.encode()) + len(r.stderr.encode()) <= 1000  # the notice counts too


def test_everything_returned_is_within_the_cap(wsb):
    r = wguest.run(wsb, "import sys\nsys.stdout.write('a' * (1 << 21))", timeout=10)
    wguest.status(r, "output_limit")
    assert len(r.stdout.encode()) + len(r.stderr.encode()) <= CAP


def test_undecodable_bytes_cannot_take_the_text_past_the_cap(wsb):
    """1 MiB of 0xff is within the cap as bytes, three times the cap as text (U+FFFD each): cut, output_limit."""
    r = wguest.run(wsb, "import sys\nsys.stdout.buffer.write(b'\\xff' * (1 << 20))", timeout=10)
    wguest.status(r, "output_limit")
    assert len(r.stdout.encode()) + len(r.stderr.encode()) <= CAP and set(r.stdout) == {"\ufffd"}
