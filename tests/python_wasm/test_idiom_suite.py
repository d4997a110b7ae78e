"""Issue 16: the valid-idiom suite of issue 13 (``tests/python/programs/suite``) through the wasm engine.

Every program runs natively (this interpreter, ``-I``, a subprocess) and in the wasm engine with the
same stdin; stdout and exit status must be the same. The engine's CPython is 3.15 and the host's may
be older: the only differences allowed are CPython's own changes between versions, listed in
``VERSION_CHANGES`` (program -> (text of the older CPython, text of 3.12+)), and each is checked both
ways (the native output has the old text where the host is older, the wasm output the new one).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

SUITE = Path(__file__).resolve().parents[1] / "python" / "programs" / "suite"
PROGRAMS = sorted(p.stem for p in SUITE.glob("*.py"))

VERSION_CHANGES = {
    # 3.12: "Can't instantiate abstract class X with abstract methods a, b" became
    # "... without an implementation for abstract methods 'a', 'b'"
    "abc_shapes": ("with abstract methods area, name", "without an implementation for abstract methods 'area', 'name'"),
    # 3.12: OrderedDict's repr is OrderedDict({...}) instead of OrderedDict([(k, v), ...])
    "collections_mix": ("OrderedDict([(", "OrderedDict({"),
}


def _native(code: str, stdin: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run([sys.executable, "-I", "-c", code], input=stdin, capture_output=True, text=True,
                              cwd=tmp, timeout=60, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})


def test_the_suite_is_there():
    assert len(PROGRAMS) >= 150


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_cpython(wsb, name):
    code = (SUITE / f"{name}.py").read_text()
    stdin_file = SUITE / f"{name}.in"
    stdin = stdin_file.read_text() if stdin_file.exists() else ""
    native = _native(code, stdin)
    assert native.returncode == 0, native.stderr
    r = wsb.run("python", code, stdin=stdin, timeout=20)
    assert str(r.status) == "ok", r.stderr[-2000:]
    expected = native.stdout
    if name in VERSION_CHANGES and sys.version_info < (3, 12):
        old, new = VERSION_CHANGES[name]
        assert old in expected and new in r.stdout, (expected, r.stdout)
        if name == "collections_mix":  # OrderedDict([('a', 3), ...]) -> OrderedDict({'a': 3, ...})
            expected = re.sub(r"OrderedDict\(\[(.*?)\]\)", lambda m: "OrderedDict({" + re.sub(
                r"\('([^']*)', ([^)]*)\)", r"'\1': \2", m.group(1)) + "})", expected)
        else:
            expected = expected.replace(old, new)
    assert r.stdout == expected
