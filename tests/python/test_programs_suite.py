"""Issue 13: real programs as judges and LLMs write them (read stdin, print), each run by CPython and by
the sandbox with the same stdin; the sandbox must answer exactly as CPython does, with status ok.

One file per program under ``programs/suite/`` (``name.py``, and ``name.in`` for its stdin). The native
side runs ``sys.executable -I`` in a subprocess (a few ms each); the sandbox side runs in-process in one
module-scoped Sandbox, so the whole suite takes seconds.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

import sandboxes

SUITE = Path(__file__).parent / "programs" / "suite"
PROGRAMS = sorted(p.stem for p in SUITE.glob("*.py"))


@pytest.fixture(scope="module")
def inproc_sandbox():
    pol = sandboxes.default_policy()
    with sandboxes.Sandbox(replace(pol, python=replace(pol.python, isolation="inprocess"))) as sb:
        yield sb


def _native(code: str, stdin: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run([sys.executable, "-I", "-c", code], input=stdin, capture_output=True, text=True,
                              cwd=tmp, timeout=60, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})


def test_the_suite_is_large_enough():
    assert len(PROGRAMS) >= 150


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_cpython(inproc_sandbox, name):
    code = (SUITE / f"{name}.py").read_text()
    stdin_file = SUITE / f"{name}.in"
    stdin = stdin_file.read_text() if stdin_file.exists() else ""
    native = _native(code, stdin)
    assert native.returncode == 0, native.stderr
    r = inproc_sandbox.run("python", code, stdin=stdin, timeout=20)
    assert (str(r.status), r.stdout) == ("ok", native.stdout), r.stderr
