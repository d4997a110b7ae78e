# our own red team: loops in Python, in C (numpy, re, sorted), sleeps and a swallowed timeout, each
# against the epoch deadline; the run must end at the deadline with status timeout.
"""Every way to spend time ends at the deadline: status timeout, a bounded wall time, the host fine."""

from __future__ import annotations

import pytest

from tests.attacks.python_wasm import wguest

TIMEOUT = 1.0
SPENDERS = {
    "while_true": "while True: pass",
    "sleep_100": "import time\ntime.sleep(100)",
    "sleep_in_loop": "import time\nwhile True: time.sleep(0.01)",
    "select_sleep": "import select\nselect.select([], [], [], 100)",
    "swallow": "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass",
    "finally_loop": "try:\n    while True: pass\nfinally:\n    while True: pass",
    "numpy_c_loop": "import numpy as np\nwhile True: np.linalg.inv(np.random.rand(200, 200))",
    "catastrophic_regex": "import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')",
    "big_pow": "x = 10 ** (10 ** 8)",
    "stdin_read_forever": "import sys\nwhile True: sys.stdin.read()",
    # native `python -c` runs atexit handlers (this one forever): so does the engine, within the deadline
    "atexit_loop": "import atexit\natexit.register(lambda: [0 for _ in iter(int, 1)])",
}


@pytest.mark.parametrize("code", [SPENDERS[k] for k in sorted(SPENDERS)], ids=sorted(SPENDERS))
def test_spender_is_timeout(wsb, code):
    r = wguest.run(wsb, code, timeout=TIMEOUT, wall=20)
    wguest.status(r, "timeout")
    assert TIMEOUT * 0.9 <= r.extra["wall_s"] < TIMEOUT + 5, r.extra
    wguest.host_fine(wsb)
