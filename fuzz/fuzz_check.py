"""Fuzz one runtime's static check (the gate before anything compiles or runs).

``check(code)`` must return a list of Violations for any text and never raise.

    .venv/bin/python fuzz/fuzz_check.py python -max_total_time=60 [CORPUS_DIR]
    .venv/bin/python fuzz/fuzz_check.py javascript ...
    .venv/bin/python fuzz/fuzz_check.py go ...

Seed CORPUS_DIR with the shipped attacks: ``python fuzz/seed.py LANG DIR``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _harness import main, text  # noqa: E402

RUNTIMES = {"python": "PythonRuntime", "javascript": "JavaScriptRuntime", "go": "GoRuntime"}
if len(sys.argv) < 2 or sys.argv[1] not in RUNTIMES:
    sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(RUNTIMES)}}} [libFuzzer options] [CORPUS_DIR]")
LANG = sys.argv.pop(1)

with atheris.instrument_imports():
    from sandboxes.policy import default_policy
    from sandboxes.result import Violation

    runtime_class = getattr(importlib.import_module(f"sandboxes.{LANG}"), RUNTIMES[LANG])

RUNTIME = runtime_class(getattr(default_policy(), LANG))


def target(data: bytes) -> None:
    violations = RUNTIME.check(text(data))
    assert isinstance(violations, list)
    for v in violations:
        assert isinstance(v, Violation) and isinstance(v.detail, str)


if __name__ == "__main__":
    main(target)
