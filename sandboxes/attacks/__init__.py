"""The shipped attack corpus and the audit that runs it: prove, on this machine and policy, what is contained.

``load_corpus()`` returns every ``Attack`` (package data under ``corpus/<lang>/``,
one runnable program per technique with its category, what it tries, its
published source and its verdict rule in its header). ``run_audit(policy)``
plants canaries, runs the corpus and judges each attack; ``render(report,
fmt)`` turns the report into text, JSON, JUnit XML or Markdown. The CLI is
``sandboxes audit``.
"""

from ._audit import exit_status, plant_canaries, run_audit, versions
from ._corpus import (
    CATEGORIES,
    LANGUAGES,
    PLACEHOLDERS,
    Attack,
    Clause,
    CorpusError,
    Observation,
    judge,
    load_corpus,
    load_probe,
    parse_attack,
    parse_verdict,
)
from ._render import FORMATS, render

__all__ = [
    "CATEGORIES",
    "FORMATS",
    "LANGUAGES",
    "PLACEHOLDERS",
    "Attack",
    "Clause",
    "CorpusError",
    "Observation",
    "exit_status",
    "judge",
    "load_corpus",
    "load_probe",
    "parse_attack",
    "parse_verdict",
    "plant_canaries",
    "render",
    "run_audit",
    "versions",
]
