"""Prometheus metrics of a server: what ran, how long, what was refused, which layers were missing.

A registry of its own per server (never prometheus_client's global one), rendered in the text
exposition format at ``GET /metrics``. The continuous monitoring of the security plan: a rise of
``sandboxes_refusals_total`` is someone probing the policy; any ``sandboxes_isolation_missing_total``
is a run that had fewer process layers than the machine should give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from ..result import Result

if TYPE_CHECKING:
    from ._runner import Runner

CONTENT_TYPE = CONTENT_TYPE_LATEST
DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.runs = Counter("sandboxes_runs", "Runs by language and status", ["lang", "status"], registry=r)
        self.duration = Histogram("sandboxes_run_duration_seconds", "Duration of a run (the whole call)",
                                  ["lang"], buckets=DURATION_BUCKETS, registry=r)
        self.wait = Histogram("sandboxes_queue_wait_seconds", "Time a run waited for a server slot",
                              buckets=DURATION_BUCKETS, registry=r)
        self.active = Gauge("sandboxes_active_runs", "Runs going on now", registry=r)
        self.queue_depth = Gauge("sandboxes_queue_depth", "Runs admitted and waiting for a slot", registry=r)
        self.capacity = Gauge("sandboxes_queue_capacity", "Runs admitted at most (workers + queue)", registry=r)
        self.refusals = Counter("sandboxes_refusals", "Policy refusals (violations) by language and kind",
                                ["lang", "kind"], registry=r)
        self.missing = Counter("sandboxes_isolation_missing", "Runs that lacked a process isolation layer, "
                               "by language and layer", ["lang", "layer"], registry=r)
        self.rejections = Counter("sandboxes_http_rejections", "Requests refused before running: auth, "
                                  "size, queue full, invalid", ["reason"], registry=r)
        self.requests = Counter("sandboxes_http_requests", "HTTP requests by route and status code",
                                ["route", "code"], registry=r)

    def bind(self, runner: Runner) -> None:
        """Read the runner's gauges when scraped."""
        self.active.set_function(lambda: runner.active)
        self.queue_depth.set_function(lambda: runner.waiting)
        self.capacity.set(runner.capacity)

    def observe(self, result: Result) -> None:
        lang = result.lang
        self.runs.labels(lang, result.status.value).inc()
        self.duration.labels(lang).observe(result.duration_s)
        for v in result.violations:
            self.refusals.labels(lang, v.kind).inc()
        missing = result.extra.get("isolation_missing") or ()
        for layer in missing if isinstance(missing, (list, tuple)) else ():
            self.missing.labels(lang, str(layer)).inc()

    def waited(self, seconds: float) -> None:
        self.wait.observe(seconds)

    def rejected(self, reason: str) -> None:
        self.rejections.labels(reason).inc()

    def request(self, route: str, code: int) -> None:
        self.requests.labels(route, str(code)).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
