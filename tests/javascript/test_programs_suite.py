"""Issue 13: real JavaScript programs as judges and LLMs write them for Node (read stdin with
``fs.readFileSync(0)``, ``readline`` or ``process.stdin``, print with ``console.log`` and
``process.stdout.write``), run by the sandbox under the default policy and compared byte for byte
with native Node v20.

One program per file under ``programs/`` (``name.js``, ``name.in`` for its stdin when it reads one).
The native side is committed, not run here: ``programs/generate.py`` ran each program with
``node main.js`` (an empty directory, an empty environment but TZ=UTC) and wrote its stdout to
``name.out`` and its exit code to ``exit_codes.json``, so CI needs no node.

The sandbox side is one ``run_many`` batch at concurrency 2 (the CI machine's cores).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import sandboxes

HERE = Path(__file__).parent / "programs"
PROGRAMS = sorted(p.stem for p in HERE.glob("*.js"))
EXIT_CODES: dict[str, int] = json.loads((HERE / "exit_codes.json").read_text())


def _stdin(name: str) -> str:
    f = HERE / f"{name}.in"
    return f.read_text(encoding="utf-8") if f.exists() else ""


@pytest.fixture(scope="module")
def results() -> dict[str, sandboxes.Result]:
    jobs = [("js", (HERE / f"{n}.js").read_text(encoding="utf-8"), {"stdin": _stdin(n), "timeout": 10})
            for n in PROGRAMS]
    t0 = time.monotonic()
    with sandboxes.Sandbox() as sb:
        out = sb.run_many(jobs, concurrency=2)
    print(f"\n{len(jobs)} JavaScript programs through run_many(concurrency=2): {time.monotonic() - t0:.1f} s")
    return dict(zip(PROGRAMS, out))  # type: ignore[arg-type]


def test_the_suite_is_large_enough_and_every_program_has_its_native_answer():
    assert len(PROGRAMS) >= 150
    assert sorted(EXIT_CODES) == PROGRAMS  # generate.py ran for every program, and for no other
    assert all((HERE / f"{n}.out").exists() for n in PROGRAMS)


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_node(results, name):
    r = results[name]
    expected = (HERE / f"{name}.out").read_bytes().decode("utf-8")
    code = EXIT_CODES[name]
    assert r.exit_code == code, (r.status, r.stderr[-2000:])
    assert str(r.status) == ("ok" if code == 0 else "error"), r.stderr[-2000:]
    assert r.stdout == expected, r.stderr[-2000:]
