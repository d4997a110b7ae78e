"""Execution and security events.

Every run emits one ``execution`` event; every refusal (policy violation,
limit enforcement, a kernel layer stopping the guest) emits a ``security``
event. Events go to the ``sandboxes.audit`` logger and, when the policy names
a file, are appended to it as JSON lines.

The log file is checked when the policy is loaded (and when a ``Sandbox`` is
made from a policy built in code). A write that still fails after a run is
logged as an error on the ``sandboxes`` logger and reported in the Result
(``extra["audit_error"]``): a Result is never lost to logging.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from typing import Any

from .errors import PolicyError
from .policy import Policy, log_file_problem
from .result import Result, Status

logger = logging.getLogger("sandboxes.audit")
log = logging.getLogger("sandboxes")

_LIMIT_STATUSES = {Status.TIMEOUT, Status.MEMORY_LIMIT, Status.OUTPUT_LIMIT}


class Auditor:
    """Writes audit events for one ``Sandbox``. Thread-safe."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy
        self._path = policy.audit.log_file
        self._lock = threading.Lock()
        if self._path:
            problem = log_file_problem(self._path)
            if problem:
                raise PolicyError(f"{policy.source}: audit.log_file: {problem}")

    def emit(self, event: dict[str, Any]) -> str | None:
        """Log ``event`` and append it to the log file. Returns why the file write failed, or None."""
        event = {"ts": round(time.time(), 6), **event}
        level = logging.WARNING if event.get("event") == "security" else logging.INFO
        if logger.isEnabledFor(level):
            logger.log(level, "%s", json.dumps(event, sort_keys=True), extra={"sandboxes_event": event})
        if not self._path:
            return None
        line = json.dumps(event, sort_keys=True) + "\n"
        try:
            with self._lock:
                # O_NONBLOCK: a FIFO whose reader went away fails instead of holding the caller
                fd = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o600)
                try:
                    os.write(fd, line.encode("utf-8"))
                finally:
                    os.close(fd)
        except OSError as e:
            problem = f"cannot write the audit log {self._path!r}: {e.strerror or e}"
            log.error("%s (run %s, event %s)", problem, event.get("run_id"), event.get("event"))
            return problem
        return None

    def record(self, result: Result, *, code: str, code_sha256: str,
               missing_layers: tuple[str, ...] = ()) -> str | None:
        """Emit the execution event of ``result`` and a security event per refusal.

        Returns why an event could not be written to the log file, or None.
        """
        failures: list[str] = []

        def emit(event: dict[str, Any]) -> None:
            problem = self.emit(event)
            if problem and problem not in failures:
                failures.append(problem)

        base = {"run_id": result.run_id, "lang": result.lang}
        event: dict[str, Any] = {
            "event": "execution",
            **base,
            "code_sha256": code_sha256,
            "status": result.status.value,
            "exit_code": result.exit_code,
            "duration_s": round(result.duration_s, 6),
            "policy_sha256": self._policy.sha256,
            "policy_source": self._policy.source,
            "isolation": list(result.isolation),
            "isolation_missing": list(missing_layers),
            "queued_s": result.extra.get("queued_s", 0.0),
        }
        if self._policy.audit.include_code:
            event["code"] = code
        emit(event)
        layer = result.extra.get("stopped_by")
        for v in result.violations:
            emit({"event": "security", **base, "kind": v.kind, "detail": v.detail, "line": v.line,
                  "layer": layer or "language"})
        if result.status in _LIMIT_STATUSES:
            emit({"event": "security", **base, "kind": result.status.value,
                  "detail": f"run stopped: {result.status.value}", "layer": layer or "language"})
        elif layer and layer != "cancelled" and not result.violations:  # a caller's cancel is no refusal
            emit({"event": "security", **base, "kind": "blocked", "detail": result.extra.get("stop_detail", ""),
                  "layer": layer})
        return failures[0] if failures else None
