"""HumanEval-X tasks as standalone programs, for tests and benchmarks.

``programs(lang)`` yields ``(task_number, source)``; each program prints
nothing and exits 0 when its checks pass, and fails (non-zero exit /
uncaught error) otherwise. Per-language assembly lives in
``humaneval_<lang>.py`` beside this file.
"""

from __future__ import annotations

import gzip
import importlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Iterator

DATA = Path(__file__).resolve().parent / "humaneval-x"
_FILES = {"python": "humaneval_python.jsonl.gz", "javascript": "humaneval_js.jsonl.gz", "go": "humaneval_go.jsonl.gz"}

# Broken upstream (see NOTICE.md / the corpus README): expected to fail or flaky.
KNOWN_BAD = {"python": set(), "javascript": {112, 155}, "go": {95}}


@lru_cache(maxsize=None)
def load_tasks(lang: str) -> tuple[dict, ...]:
    with gzip.open(DATA / _FILES[lang], "rt", encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def task_number(task: dict) -> int:
    return int(task["task_id"].split("/")[1])


def assemble_python(task: dict) -> str:
    """``prompt + canonical_solution + test``: the test already ends with ``check(entry_point)``."""
    return task["prompt"] + task["canonical_solution"] + "\n" + task["test"].rstrip() + "\n"


def assembler(lang: str):  # type: ignore[no-untyped-def]
    if lang == "python":
        return assemble_python
    mod = importlib.import_module(f"corpus.humaneval_{lang}")
    return mod.assemble


def programs(lang: str) -> Iterator[tuple[int, str]]:
    build = assembler(lang)
    for task in load_tasks(lang):
        yield task_number(task), build(task)
