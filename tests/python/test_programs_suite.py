"""Issue 13: real programs as judges and LLMs write them (read stdin, print), each run by CPython and by
the sandbox with the same stdin; the sandbox must answer exactly as CPython does, with status ok.

One file per program under ``programs/suite/`` (``name.py``, and ``name.in`` for its stdin). The native
side runs ``python3 -I`` in a subprocess (a few ms each); the sandbox side runs in-process in one
module-scoped Sandbox, so the whole suite takes seconds.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

import sandboxes

from .native import native, suite_program, suite_programs

PROGRAMS = suite_programs()


@pytest.fixture(scope="module")
def inproc_sandbox():
    pol = sandboxes.default_policy()
    with sandboxes.Sandbox(replace(pol, python=replace(pol.python, isolation="inprocess"))) as sb:
        yield sb


def test_the_suite_is_large_enough():
    assert len(PROGRAMS) >= 150


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_cpython(inproc_sandbox, name):
    code, stdin = suite_program(name)
    out, err, rc = native(code, stdin)
    assert rc == 0, err
    r = inproc_sandbox.run("python", code, stdin=stdin, timeout=20)
    assert (str(r.status), r.stdout) == ("ok", out), r.stderr
