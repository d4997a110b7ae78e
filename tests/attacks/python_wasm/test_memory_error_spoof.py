# Tries: make an ordinary failure come back as `memory_limit` by ending it the way CPython ends an
# out-of-memory run: "MemoryError" (or numpy's _ArrayMemoryError) as the last line of stderr and exit
# status 1, text and status the guest chooses. Published: verdict spoofing in online judges that derive
# verdicts from the program's own output (judge0/DMOJ issues on "MLE" detected by matching runner text);
# CWE-138 "Improper Neutralization of Special Elements"; the Go counterpart here is
# tests/attacks/go/test_go_status_spoof_stderr_text.py. Payloads are ours.
"""memory_limit is the host's verdict: the guest's MemoryError text alone gives ``error``.

The host knows a growth of linear memory was refused past the limit (``_binary.watch_growth``); a
program that only prints the words, raises MemoryError itself, or catches a real one and fails
otherwise, gets the status of what it did. The real thing still gives memory_limit (also
test_memory_growth.py).
"""

from __future__ import annotations

import pytest

from tests.attacks.python_wasm import wguest

TRACEBACK = "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nMemoryError\n"
SPOOFS = {
    "printed_traceback": f"import sys\nsys.stderr.write({TRACEBACK!r})\nsys.exit(1)",
    "raise_memoryerror": "raise MemoryError",
    "raise_memoryerror_with_text": "raise MemoryError('Unable to allocate 8.00 GiB')",
    "numpy_wording": "import sys\nsys.stderr.write('numpy._core._exceptions._ArrayMemoryError: Unable to allocate "
                     "8.00 GiB for an array with shape (1073741824,) and data type float64\\n')\nsys.exit(1)",
    "subclass": "class _ArrayMemoryError(MemoryError): pass\nraise _ArrayMemoryError('Unable to allocate')",
    "os_write_then_exit": "import os\nos.write(2, b'MemoryError\\n')\nos._exit(1)",
}


@pytest.mark.parametrize("code", [SPOOFS[k] for k in sorted(SPOOFS)], ids=sorted(SPOOFS))
def test_memoryerror_text_without_a_refused_growth_is_an_error(wsb, code):
    r = wguest.run(wsb, code, memory_mb=200)
    wguest.status(r, "error")
    assert r.exit_code == 1 and "MemoryError" in r.stderr
    assert r.extra.get("stop_detail") != "wasmtime:memory_limit", r.extra


def test_a_caught_real_memoryerror_then_another_failure_is_that_failure(wsb):
    code = "try:\n    x = bytearray(900 * 2**20)\nexcept MemoryError:\n    print('caught')\nraise ValueError('other')"
    r = wguest.run(wsb, code, memory_mb=200)
    wguest.status(r, "error")
    assert r.stdout == "caught\n" and r.stderr.endswith("ValueError: other\n")
    r = wguest.run(wsb, "try:\n    x = bytearray(900 * 2**20)\nexcept MemoryError:\n    print('caught')",
                   memory_mb=200)
    wguest.status(r, "ok")


def test_the_real_memoryerror_is_still_memory_limit(wsb):
    for code in ("x = bytearray(900 * 2**20)", "x = b'x' * (2**31 - 100)", "import numpy as np\nnp.ones(2**25)"):
        r = wguest.run(wsb, code, memory_mb=200)
        wguest.status(r, "memory_limit")
        assert r.extra.get("stop_detail") == "wasmtime:memory_limit"
    wguest.host_fine(wsb)
