"""numpy/pandas programs through the wasm engine, compared byte for byte with native CPython.

Each ``programs/NAME.py`` prints its results deterministically (``NAME.stdin``, if present, is its
standard input). ``NAME.expected`` is what a native CPython with the guest's numpy, pandas,
python-dateutil and tzdata versions (``programs/VERSIONS``) printed; ``gen_numpy_pandas_expected.py``
writes them (numpy 2.5 needs Python 3.12+, so the native side is CPython 3.13, not the project's 3.11).

Where the wasm32 guest legitimately prints something else, the difference is listed in
``WASM32_DIFFERENCES`` with its reason, and applied to the native text before the comparison; each
listed native text must occur in the expected file exactly as many times as stated, so a listed
difference can never hide another one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "programs"
PROGRAMS = sorted(p.stem for p in HERE.glob("*.py"))

# numpy's default integer (np.int_ = np.intp, the C ssize_t) is 64 bits on x86-64 and 32 bits on
# wasm32: np.arange, np.array of Python ints and integer reductions are int32 in the guest (a sum past
# 2**31 wraps, as on any 32-bit numpy), and a result whose dtype is the other 32-bit C integer type
# (intc vs long) shows ``dtype=int32`` in its repr. pandas' own default for Python ints stays int64.
_INT32 = "wasm32: numpy's default integer (intp) is int32"
WASM32_DIFFERENCES: dict[str, list[tuple[str, str, int, str]]] = {
    # program: [(native text, wasm text, occurrences in the native output, why)]
    "np_integer_bits": [
        ("(array([-3,  2]), array([2, 1]))", "(array([-3,  2], dtype=int32), array([2, 1], dtype=int32))", 1,
         _INT32 + "; divmod of an intp array by a Python int returns intc arrays, whose repr names the dtype"),
    ],
    "pd_wide_display": [
        ("Length: 100, dtype: int64", "Length: 100, dtype: int32", 1, _INT32 + ": pd.Series(np.arange(100))"),
    ],
    "np_default_int_width": [
        ("64 64\n", "32 32\n", 1, _INT32),
        ("4999950000\n4999950000 4999950000\n", "704982704\n4999950000 4999950000\n", 1,
         _INT32 + ": np.arange(100000).sum() accumulates in int32 and wraps (4999950000 mod 2**32)"),
    ],
}


def expected_for_wasm(name: str) -> str:
    text = (HERE / f"{name}.expected").read_text()
    for native, wasm, count, why in WASM32_DIFFERENCES.get(name, []):
        assert text.count(native) == count, f"{name}: the listed difference ({why}) no longer matches the native output"
        text = text.replace(native, wasm)
    return text


def test_the_suite_is_complete():
    assert len(PROGRAMS) >= 30
    for name in PROGRAMS:
        assert (HERE / f"{name}.expected").exists(), f"{name}.expected missing: run gen_numpy_pandas_expected.py"
    assert set(WASM32_DIFFERENCES) <= set(PROGRAMS)
    assert 4999950000 % 2**32 == 704982704  # the wrapped sum listed above is int32 arithmetic, not a guess


def test_guest_has_the_versions_the_expected_outputs_came_from(wsb):
    from tests.python_wasm.gen_numpy_pandas_expected import VERSION_PROBE

    r = wsb.run("python", VERSION_PROBE)
    assert r.ok, r.stderr
    assert r.stdout == (HERE / "VERSIONS").read_text()


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_native(wsb, name):
    stdin = HERE / f"{name}.stdin"
    r = wsb.run("python", (HERE / f"{name}.py").read_text(), stdin=stdin.read_text() if stdin.exists() else "",
                timeout=30.0)
    assert (str(r.status), r.stderr) == ("ok", "")
    assert r.stdout == expected_for_wasm(name)


@pytest.mark.skipif(not os.environ.get("SANDBOXES_NATIVE_NUMPY_PYTHON"),
                    reason="set SANDBOXES_NATIVE_NUMPY_PYTHON to a native python with programs/VERSIONS installed")
def test_expected_outputs_are_what_native_prints(tmp_path):
    """The stored files are still what the native interpreter prints (regenerated into a copy)."""
    import shutil

    copy = tmp_path / "programs"
    shutil.copytree(HERE, copy)
    for f in copy.glob("*.expected"):
        f.unlink()
    gen = Path(__file__).resolve().parent / "gen_numpy_pandas_expected.py"
    shutil.copy(gen, tmp_path / gen.name)
    python = os.environ["SANDBOXES_NATIVE_NUMPY_PYTHON"]
    subprocess.run([sys.executable, str(tmp_path / gen.name), python], check=True, timeout=600)
    for name in PROGRAMS:
        assert (copy / f"{name}.expected").read_bytes() == (HERE / f"{name}.expected").read_bytes(), name
