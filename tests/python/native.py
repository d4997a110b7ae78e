"""Run a program under native CPython (``python3``), to compare the sandbox's answers with."""
from __future__ import annotations

import functools
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


def native_file(code: str) -> tuple[str, str, int]:
    """``native`` for ``code`` saved as a file and run as ``python3 -I main.py`` (tracebacks show
    ``File "main.py"`` and source lines, as a program file's do); its path in stderr reads ``main.py``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "main.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(code)
        p = subprocess.run([PYTHON3, "-I", path], capture_output=True, text=True, cwd=tmp, timeout=60,
                           env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    return p.stdout, p.stderr.replace(path, "main.py"), p.returncode


@functools.cache
def native_version() -> tuple[int, int]:
    """``sys.version_info[:2]`` of the interpreter ``native`` runs (not necessarily this one)."""
    out = subprocess.run([PYTHON3, "-I", "-c", "import sys; print(*sys.version_info[:2])"],
                         capture_output=True, text=True, timeout=60, check=True).stdout.split()
    return int(out[0]), int(out[1])


SUITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs", "suite")


def suite_programs() -> list[str]:
    """The names of the valid-idiom suite's programs (``programs/suite/<name>.py``, issue 13)."""
    return sorted(n[:-3] for n in os.listdir(SUITE) if n.endswith(".py"))


def suite_program(name: str) -> tuple[str, str]:
    """``(code, stdin)`` of a suite program; its stdin is ``<name>.in`` when there is one."""
    base = os.path.join(SUITE, name)
    with open(base + ".py", encoding="utf-8") as f:
        code = f.read()
    stdin = ""
    if os.path.exists(base + ".in"):
        with open(base + ".in", encoding="utf-8") as f:
            stdin = f.read()
    return code, stdin
