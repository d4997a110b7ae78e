"""Run a program under native CPython (``python3``), to compare the sandbox's answers with."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

PYTHON3 = shutil.which("python3") or sys.executable


def native(code: str, stdin: str = "") -> tuple[str, str, int]:
    """``(stdout, stderr, returncode)`` of ``python3 -c code`` in a scratch directory, isolated mode."""
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run([PYTHON3, "-I", "-c", code], input=stdin, capture_output=True, text=True,
                           cwd=tmp, timeout=60, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    return p.stdout, p.stderr, p.returncode
