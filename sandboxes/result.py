"""The outcome of a run: ``Result``, its ``Status`` and the ``Violation`` records."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from collections.abc import Sequence
from typing import Any


class Status(str, enum.Enum):
    """How a run ended. A ``str`` so it compares equal to its value (``r.status == "ok"``)."""

    OK = "ok"
    ERROR = "error"  # the program raised, trapped, crashed or exited non-zero
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    VIOLATION = "violation"  # the policy refused something; see Result.violations
    COMPILE_ERROR = "compile_error"  # syntax / compile failure, with line numbers

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Violation:
    """One refusal: what kind of rule, what exactly, and where in the program."""

    kind: str  # e.g. "import", "attribute", "name", "builtin", "size", "directive", "syntax"
    detail: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        where = f"Line {self.line}: " if self.line is not None else ""
        return f"{where}{self.detail}"


# A refusal report lists at most this many: one is enough to refuse, and each costs the host (stderr,
# the audit event, a worker's result frame) in proportion to what the guest wrote.
MAX_LISTED_VIOLATIONS = 20


def cap_violations(violations: Sequence[Violation], limit: int = MAX_LISTED_VIOLATIONS) -> tuple[Violation, ...]:
    """At most ``limit`` refusals: the first ``limit - 1`` and one saying how many more there were."""
    if len(violations) <= limit:
        return tuple(violations)
    rest = len(violations) - limit + 1
    return (*violations[:limit - 1], Violation(violations[-1].kind, f"... and {rest} more refusals", None, None))


@dataclass(frozen=True)
class Result:
    """What a run produced. Frozen; ``status`` is a ``Status``."""

    lang: str
    status: Status
    stdout: str = ""
    stderr: str = ""
    exit_code: int | None = None
    duration_s: float = 0.0
    violations: tuple[Violation, ...] = ()
    isolation: tuple[str, ...] = ()  # layers that were active, e.g. ("language", "rlimits", "seccomp")
    run_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # runtime-specific facts

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def raise_for_status(self) -> Result:
        """Return self if the run was ``ok``; raise ``ResultError`` otherwise."""
        if not self.ok:
            from .errors import ResultError

            raise ResultError(self)
        return self

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["status"] = self.status.value
        d["violations"] = [asdict(v) for v in self.violations]
        d["isolation"] = list(self.isolation)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Result:
        return cls(
            lang=d["lang"],
            status=Status(d["status"]),
            stdout=d.get("stdout", ""),
            stderr=d.get("stderr", ""),
            exit_code=d.get("exit_code"),
            duration_s=float(d.get("duration_s", 0.0)),
            violations=tuple(Violation(**v) for v in d.get("violations", ())),
            isolation=tuple(d.get("isolation", ())),
            run_id=d.get("run_id", ""),
            extra=dict(d.get("extra", {})),
        )
