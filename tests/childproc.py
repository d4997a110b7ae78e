"""Run a probe script in a fresh interpreter (so a host-side hang or crash cannot take pytest down)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def json_child(script: str, *args: object, timeout: float, what: str) -> tuple:
    """Run ``script`` with ``args``; the last line it prints, decoded as JSON. Fails the test if it
    is still running after ``timeout`` seconds (then killed) or exits with an error."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, capture_output=True,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{what}: still running after {time.monotonic() - t0:.1f} s (killed)") from None
    assert p.returncode == 0, p.stderr[-2000:]
    return tuple(json.loads(p.stdout.strip().splitlines()[-1]))
