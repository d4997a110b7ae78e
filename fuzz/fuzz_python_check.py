"""Fuzz the python runtime's static check (the gate before anything compiles or runs).

``check(code)`` must return a list of Violations for any text and never raise.

    .venv/bin/python fuzz/fuzz_python_check.py -max_total_time=60 [CORPUS_DIR]

Seed CORPUS_DIR with the shipped attacks: ``python fuzz/seed.py python DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _harness import main, text  # noqa: E402

with atheris.instrument_imports():
    from sandboxes.python import PythonRuntime
    from sandboxes.policy import default_policy
    from sandboxes.result import Violation

RUNTIME = PythonRuntime(default_policy().python)


def target(data: bytes) -> None:
    violations = RUNTIME.check(text(data))
    assert isinstance(violations, list)
    for v in violations:
        assert isinstance(v, Violation) and isinstance(v.detail, str)


if __name__ == "__main__":
    main(target)
