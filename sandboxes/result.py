"""The outcome of a run: ``Result``, its ``Status`` and the ``Violation`` records."""

from __future__ import annotations

import enum
import math
from dataclasses import asdict, dataclass, field, fields
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
    def from_dict(cls, d: Any) -> Result:
        """The Result ``to_dict`` described, type-checked field by field.

        Raises ``ValueError`` naming the first field that is missing, unknown or of the wrong
        type: the dict may come from a process that ran guest code (a worker child), so nothing
        in it is taken on trust, and a ``Result`` built here always has the field types its
        annotations promise (``exit_code`` an int, never a string).
        """
        if not isinstance(d, dict):
            raise ValueError(f"Result.from_dict: expected a dict, got {type(d).__name__}")
        unknown = set(d) - _FIELDS
        if unknown:
            raise ValueError(f"Result.from_dict: unknown field {sorted(map(str, unknown))[0]!r}")
        if "lang" not in d or "status" not in d:
            raise ValueError("Result.from_dict: 'lang' and 'status' are required")
        status = d["status"]
        try:
            status_value = Status(status)
        except ValueError:
            raise ValueError(f"Result.from_dict: status: unknown status {str(status)[:40]!r}") from None
        exit_code = d.get("exit_code")
        if exit_code is not None and (type(exit_code) is not int or not -(1 << 63) <= exit_code < 1 << 63):
            raise ValueError("Result.from_dict: exit_code: expected a 64-bit int or None, "
                             f"got {type(exit_code).__name__}")
        duration = d.get("duration_s", 0.0)
        if type(duration) not in (int, float) or not math.isfinite(duration) or duration < 0:
            raise ValueError("Result.from_dict: duration_s: expected a finite number >= 0")
        violations = d.get("violations", [])
        if not isinstance(violations, (list, tuple)):
            raise ValueError("Result.from_dict: violations: expected a list")
        isolation = d.get("isolation", [])
        if not isinstance(isolation, (list, tuple)) or not all(type(x) is str for x in isolation):
            raise ValueError("Result.from_dict: isolation: expected a list of strings")
        extra = d.get("extra", {})
        if not isinstance(extra, dict) or not all(type(k) is str for k in extra):
            raise ValueError("Result.from_dict: extra: expected a dict with string keys")
        return cls(
            lang=_get(d, "lang", str, None),
            status=status_value,
            stdout=_get(d, "stdout", str, ""),
            stderr=_get(d, "stderr", str, ""),
            exit_code=exit_code,
            duration_s=float(duration),
            violations=tuple(_violation(v) for v in violations),
            isolation=tuple(isolation),
            run_id=_get(d, "run_id", str, ""),
            extra=dict(extra),
        )


_FIELDS = frozenset(f.name for f in fields(Result))
_VIOLATION_FIELDS = frozenset(f.name for f in fields(Violation))


def _get(d: dict[str, Any], key: str, typ: type, default: Any) -> Any:
    value = d.get(key, default)
    if type(value) is not typ:
        raise ValueError(f"Result.from_dict: {key}: expected {typ.__name__}, got {type(value).__name__}")
    return value


def _violation(v: Any) -> Violation:
    if not isinstance(v, dict) or not set(v) <= _VIOLATION_FIELDS or "kind" not in v or "detail" not in v:
        raise ValueError("Result.from_dict: violations: each must be a dict of kind, detail, line, col")
    if type(v["kind"]) is not str or type(v["detail"]) is not str:
        raise ValueError("Result.from_dict: violations: kind and detail must be strings")
    for key in ("line", "col"):
        n = v.get(key)
        if n is not None and (type(n) is not int or not 0 <= n < 1 << 31):
            raise ValueError(f"Result.from_dict: violations: {key} must be a non-negative int or None")
    return Violation(v["kind"], v["detail"], v.get("line"), v.get("col"))
