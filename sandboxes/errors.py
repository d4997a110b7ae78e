"""Exceptions raised for caller mistakes.

What the untrusted code does is never an exception: it is a ``Result``.
These exceptions mean the *caller* did something wrong::

    SandboxError
    ├── PolicyError          (also ValueError)  malformed or invalid policy
    ├── LimitError           (also ValueError)  per-call limit looser than the policy, or invalid
    ├── UnknownLanguageError (also ValueError)  no runtime by that name
    ├── RuntimeUnavailableError                 engine not installed / layer required but missing
    ├── ClosedError                             Sandbox or runtime used after close()
    └── ResultError                             raised by Result.raise_for_status()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .result import Result


class SandboxError(Exception):
    """Base class of every exception this package raises."""


class PolicyError(SandboxError, ValueError):
    """The policy file or object is malformed: names file, line and key where known."""


class LimitError(SandboxError, ValueError):
    """A per-call limit is invalid or looser than the policy allows."""


class UnknownLanguageError(SandboxError, ValueError):
    """No runtime is registered under that language name or alias."""


class RuntimeUnavailableError(SandboxError):
    """The engine for a language cannot be loaded, or a required isolation layer is missing."""


class ClosedError(SandboxError):
    """The object was used after ``close()``."""


class ResultError(SandboxError):
    """Raised by ``Result.raise_for_status()`` for any status other than ``ok``."""

    def __init__(self, result: Result) -> None:
        self.result = result
        detail = result.stderr.strip().splitlines()[-1:] or [""]
        if result.violations:
            detail = [str(result.violations[0])]
        super().__init__(f"{result.lang} run ended with status {result.status.value}: {detail[0]}")
