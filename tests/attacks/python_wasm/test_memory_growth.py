# our own red team: grow linear memory past memory_mb by every allocator path (Python objects, one huge
# bytearray, numpy, pandas, a memory.grow loop hidden in a C extension's realloc) and check the host.
"""Linear memory past ``memory_mb`` ends the run as memory_limit; the host's own memory is not the guest's."""

from __future__ import annotations

import resource

import pytest

from tests.attacks.python_wasm import wguest

GROWTHS = {
    "list_of_bytearrays": "x = []\nwhile True: x.append(bytearray(2**24))",
    "one_huge_bytearray": "x = bytearray(900 * 2**20)",
    "str_doubling": "s = 'x'\nwhile True: s = s + s",
    "numpy_ones": "import numpy as np\nx = [np.ones(2**24) for _ in range(100)]",
    "numpy_concatenate": "import numpy as np\na = np.ones(2**20)\nwhile True: a = np.concatenate([a, a])",
    "pandas_frame": "import pandas as pd, numpy as np\nf = pd.DataFrame({'a': np.arange(2**22)})\nwhile True: f = pd.concat([f, f])",
    "dict_growth": "d = {}\ni = 0\nwhile True:\n    d[i] = str(i) * 10\n    i += 1",
    "bytes_list": "x = [b'x' * 2**26 for _ in range(64)]",
}

# numpy raises its own MemoryError subclass (numpy._core._exceptions._ArrayMemoryError) when malloc fails
# under the store's limit: memory_limit too.


@pytest.mark.parametrize("code", [GROWTHS[k] for k in sorted(GROWTHS)], ids=sorted(GROWTHS))
def test_growth_is_memory_limit(wsb, code):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    r = wguest.run(wsb, code, memory_mb=200, timeout=20, wall=60)
    wguest.status(r, "memory_limit")
    assert r.extra["memory_mb"] <= 200.5, r.extra
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 400, f"the host's peak RSS grew {grown_mb:.0f} MB for a 200 MB guest"
    wguest.host_fine(wsb)


def test_the_limit_is_per_run_not_cumulative(wsb):
    # memory_mb counts the whole linear memory: the snapshot's interpreter with numpy and pandas is ~63 MB
    for _ in range(3):
        r = wguest.run(wsb, "x = bytearray(100 * 2**20)\nprint(len(x))", memory_mb=200)
        wguest.status(r, "ok")
        assert r.stdout == f"{100 * 2**20}\n"
    r = wguest.run(wsb, "x = bytearray(150 * 2**20)", memory_mb=200)
    wguest.status(r, "memory_limit")
