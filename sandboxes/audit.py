"""Execution and security events.

Every run emits one ``execution`` event; every refusal (policy violation,
limit enforcement, a kernel layer stopping the guest) emits a ``security``
event. Events go to the ``sandboxes.audit`` logger and, when the policy names
a file, are appended to it as JSON lines.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from typing import Any

from .policy import Policy
from .result import Result, Status

logger = logging.getLogger("sandboxes.audit")

_LIMIT_STATUSES = {Status.TIMEOUT, Status.MEMORY_LIMIT, Status.OUTPUT_LIMIT}


class Auditor:
    """Writes audit events for one ``Sandbox``. Thread-safe."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy
        self._path = policy.audit.log_file
        self._lock = threading.Lock()

    def emit(self, event: dict[str, Any]) -> None:
        event = {"ts": round(time.time(), 6), **event}
        level = logging.WARNING if event.get("event") == "security" else logging.INFO
        if logger.isEnabledFor(level):
            logger.log(level, "%s", json.dumps(event, sort_keys=True), extra={"sandboxes_event": event})
        if self._path:
            line = json.dumps(event, sort_keys=True) + "\n"
            with self._lock:
                fd = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    os.write(fd, line.encode("utf-8"))
                finally:
                    os.close(fd)

    def record(self, result: Result, *, code: str, code_sha256: str, missing_layers: tuple[str, ...] = ()) -> None:
        """Emit the execution event of ``result`` and a security event per refusal."""
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
        }
        if self._policy.audit.include_code:
            event["code"] = code
        self.emit(event)
        layer = result.extra.get("stopped_by")
        for v in result.violations:
            self.emit({"event": "security", **base, "kind": v.kind, "detail": v.detail, "line": v.line,
                       "layer": layer or "language"})
        if result.status in _LIMIT_STATUSES:
            self.emit({"event": "security", **base, "kind": result.status.value,
                       "detail": f"run stopped: {result.status.value}", "layer": layer or "language"})
        elif layer and not result.violations:
            self.emit({"event": "security", **base, "kind": "blocked", "detail": result.extra.get("stop_detail", ""),
                       "layer": layer})
