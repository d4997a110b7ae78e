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

import time
from pathlib import Path

import pytest

import sandboxes
from tests.committed_suite import CommittedSuite

SUITE = CommittedSuite(Path(__file__).parent / "programs", "js")
PROGRAMS = SUITE.programs


@pytest.fixture(scope="module")
def results() -> dict[str, sandboxes.Result]:
    jobs = SUITE.jobs("js", timeout=10)
    t0 = time.monotonic()
    with sandboxes.Sandbox() as sb:
        out = sb.run_many(jobs, concurrency=2)
    print(f"\n{len(jobs)} JavaScript programs through run_many(concurrency=2): {time.monotonic() - t0:.1f} s")
    return dict(zip(PROGRAMS, out))  # type: ignore[arg-type]


def test_the_suite_is_large_enough_and_every_program_has_its_native_answer():
    SUITE.assert_complete(at_least=150)


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_node(results, name):
    SUITE.assert_matches(name, results[name])
