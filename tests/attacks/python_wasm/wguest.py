"""What every wasm-engine attack asserts: a bounded call, the exact status, and a host that still works."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import pytest

import sandboxes


def run(sb: sandboxes.Sandbox, code: str, *, wall: float = 30.0, **kw: Any) -> sandboxes.Result:
    """``sb.run('python', code)`` on a helper thread; fail if it does not return within ``wall`` s."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["r"] = sb.run("python", code, **kw)
        except BaseException as e:  # noqa: BLE001 - reported below
            box["e"] = e

    t = threading.Thread(target=target, daemon=True)
    t0 = time.monotonic()
    t.start()
    t.join(wall)
    if t.is_alive():
        pytest.fail(f"the run did not return within {wall} s: the host is wedged")
    if "e" in box:
        raise AssertionError("Sandbox.run raised instead of returning a Result") from box["e"]
    r: sandboxes.Result = box["r"]
    r.extra["wall_s"] = time.monotonic() - t0
    return r


def host_fine(sb: sandboxes.Sandbox) -> None:
    """The host process is alive and the engine still runs programs, numpy included."""
    assert os.getpid() > 0
    r = sb.run("python", "import numpy as np\nprint(int(np.arange(10).sum()), sum(i * i for i in range(10)))")
    assert (str(r.status), r.stdout, r.stderr) == ("ok", "45 285\n", ""), r


def status(r: sandboxes.Result, want: str) -> None:
    assert str(r.status) == want, (str(r.status), r.stdout[-1000:], r.stderr[-1000:], r.extra)
