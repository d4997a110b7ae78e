"""The shape every language runtime has."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from .policy import LanguagePolicy, Limits
from .result import Result, Violation


@runtime_checkable
class Runtime(Protocol):
    """One language. ``run`` never raises for anything the guest code does."""

    name: str

    def __init__(self, policy: LanguagePolicy) -> None: ...

    def check(self, code: str) -> list[Violation]:
        """Static check: syntax and policy, no execution."""
        ...

    def run(self, code: str, *, stdin: str, limits: Limits) -> Result:
        """Run ``code`` once from clean state. ``limits.timeout_s`` bounds the whole call."""
        ...

    def close(self) -> None:
        """Release native state. Idempotent."""
        ...
