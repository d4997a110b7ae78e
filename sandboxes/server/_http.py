"""``sandboxes serve``: the HTTP service, a FastAPI application served by uvicorn.

    POST /v1/run     one run: the ``run()`` arguments as JSON, the ``Result`` as JSON
    POST /v1/check   static check only: ``{"ok", "violations"}``
    POST /v1/batch   ``{"jobs": [...]}``: every job checked first, run concurrently, results in order
    GET  /v1/policy  the effective policy
    GET  /healthz    liveness and load (no token needed)
    GET  /metrics    Prometheus text format
    GET  /openapi.json

Every error is JSON, ``{"error": {"type", "field", "message"}}``: 400 malformed JSON, 401 no or
a wrong token, 413 a body over the limit or a batch over the capacity, 415 not JSON, 422 a field
the caller got wrong (unknown ``lang``, a ``timeout`` above the policy's ceiling, ``jobs[3].code``
not a string), 429 with ``Retry-After`` when the queue is full, 503 when this machine cannot run a
language the policy allows. What the program does is never an error: a crash, a refusal, a
timeout is a ``Result`` with its ``status``, and the service goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import RuntimeUnavailableError, SandboxError
from ..policy import Policy
from ..result import Result, Status
from ._guard import ASGIApp, Guard, Receive, Scope, Send, error_body
from ._metrics import CONTENT_TYPE, Metrics
from ._runner import DEFAULT_QUEUE, FieldError, Job, QueueFull, Runner
from ._transport import MAX_CONNECTIONS, REQUEST_TIMEOUT_S, server_config

log = logging.getLogger("sandboxes.server")
T = TypeVar("T")

DEFAULT_MAX_BODY_BYTES = 4 << 20  # a batch of a few programs at the default max_code_bytes
OPEN_PATHS = ("/healthz", "/openapi.json")
ROUTES = ("/v1/run", "/v1/check", "/v1/batch", "/v1/policy", "/healthz", "/metrics", "/openapi.json")

_LANG = "python, javascript or go (aliases: py, python3, js, node, golang)"


class RunRequest(BaseModel):
    """The arguments of ``sandboxes.run()``; the server's policy is the policy."""

    model_config = ConfigDict(extra="forbid", strict=True)
    lang: str = Field(description=_LANG, examples=["python"])
    code: str = Field(description="the program's source text", examples=["print(input()[::-1])"])
    stdin: str = Field("", description="the program's standard input")
    timeout: float | None = Field(None, description="seconds the program may run (default: the policy's "
                                  "timeout_s; at most its max_timeout_s)")
    memory_mb: int | None = Field(None, description="memory cap in MiB (default: the policy's memory_mb; at "
                                  "most its max_memory_mb)")

    def job(self) -> Job:
        return Job(self.lang, self.code, self.stdin, self.timeout, self.memory_mb)


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    lang: str = Field(description=_LANG)
    code: str


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    jobs: list[RunRequest] = Field(description="runs to do concurrently; results come back in this order")


class ViolationOut(BaseModel):
    kind: str = Field(description="the rule: import, attribute, name, builtin, size, directive, syntax...")
    detail: str
    line: int | None = None
    col: int | None = None


class RunResponse(BaseModel):
    """A ``Result`` as ``Result.to_dict()`` gives it."""

    lang: str
    status: Literal[tuple(s.value for s in Status)]  # type: ignore[valid-type]
    stdout: str
    stderr: str
    exit_code: int | None
    duration_s: float
    violations: list[ViolationOut]
    isolation: list[str] = Field(description="the layers that were active")
    run_id: str
    extra: dict[str, Any]


class BatchResponse(BaseModel):
    results: list[RunResponse]


class CheckResponse(BaseModel):
    ok: bool
    violations: list[ViolationOut]


class ErrorDetail(BaseModel):
    type: str
    field: str | None = Field(description="the request field at fault (jobs[2].timeout), or a header")
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": what} for code, what in (
        (400, "malformed JSON"), (401, "missing or wrong bearer token"), (413, "body or batch too large"),
        (415, "the body is not application/json"), (422, "a field the caller got wrong"),
        (429, "the queue is full: retry after Retry-After seconds"),
        (503, "this machine cannot run that language"))}


class JSONBody(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str, separators=(",", ":")).encode("utf-8")


def _error(status: int, kind: str, message: str, field: str | None = None,
           headers: dict[str, str] | None = None) -> JSONBody:
    return JSONBody(error_body(kind, message, field), status_code=status, headers=headers)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def json_problem(body: bytes) -> str | None:
    """Why ``body`` is not a JSON text (RFC 8259: UTF-8, no byte order mark, no NaN), or None.

    Asked before FastAPI parses it, so that every such body gets 400 with its reason instead of
    FastAPI's "There was an error parsing the body" (bytes that are not UTF-8, nesting deeper than
    the parser recurses, a number of more digits than Python converts): the same parse twice,
    a few milliseconds for the largest body.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"the body is not UTF-8 (byte {e.start}: {body[e.start:e.start + 1]!r})"
    if text.startswith("\ufeff"):
        return "the body starts with a byte order mark"
    try:
        json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        return "the body is not valid JSON: arrays or objects nested too deeply"
    except json.JSONDecodeError as e:
        return f"the body is not valid JSON: {e.msg} at line {e.lineno} column {e.colno}"
    except ValueError as e:
        if "integer string conversion" in str(e):
            return "the body is not valid JSON: a number with too many digits"
        return f"the body is not valid JSON: {e}"
    return None


def _field_of(loc: tuple[Any, ...]) -> str:
    """('body', 'jobs', 2, 'lang') -> 'jobs[2].lang'."""
    out = ""
    for part in loc[1:] if loc and loc[0] == "body" else loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "body"


def create_app(policy: Policy | str | Path | None = None, *, token: str | None, workers: int | None = None,
               queue: int = DEFAULT_QUEUE, max_body_bytes: int | None = DEFAULT_MAX_BODY_BYTES) -> _Counted:
    """The service as an ASGI application (the FastAPI app behind a ``Guard``).

    ``token`` None serves without authentication: only do that on a loopback address (the CLI
    refuses anything else). The FastAPI application is the returned one's ``.fastapi``, its
    ``Runner`` at ``.fastapi.state.runner``.
    """
    metrics = Metrics()
    runner = Runner(policy, workers=workers, queue=queue, metrics=metrics)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            runner.close()

    app = FastAPI(title="sandboxes", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Run untrusted Python, JavaScript and Go in language-level sandboxes. "
                  "Send 'Authorization: Bearer <token>' unless the server was started with --no-auth.")
    app.state.runner = runner
    app.state.metrics = metrics

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": ("body",), "msg": "invalid request", "type": "invalid"}
        if first.get("type") == "json_invalid":
            metrics.rejected("malformed_json")
            return _error(400, "malformed_json", f"the body is not valid JSON: {first.get('msg', '')}", "body")
        metrics.rejected("invalid")
        field = _field_of(tuple(first.get("loc", ())))
        if first.get("type") == "extra_forbidden":
            message = f"unknown field {field!r}"
        else:
            message = f"{field}: {first.get('msg', 'invalid')}"
        return _error(422, "invalid", message, field)

    @app.exception_handler(FieldError)
    async def _field(_: Request, exc: FieldError) -> Response:
        metrics.rejected("invalid" if exc.status == 422 else "too_large")
        return _error(exc.status, "invalid" if exc.status == 422 else "too_large", exc.message, exc.field)

    @app.exception_handler(QueueFull)
    async def _full(_: Request, exc: QueueFull) -> Response:
        return _error(429, "queue_full", str(exc), None, {"Retry-After": str(exc.retry_after)})

    @app.exception_handler(RuntimeUnavailableError)
    async def _unavailable(_: Request, exc: RuntimeUnavailableError) -> Response:
        return _error(503, "unavailable", f"this server cannot run that: {exc}")

    @app.exception_handler(SandboxError)
    async def _sandbox_error(_: Request, exc: SandboxError) -> Response:
        return _error(503, "unavailable", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        return _error(exc.status_code, "not_found" if exc.status_code == 404 else "http", str(exc.detail),
                      headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> Response:
        log.exception("internal error answering a request")
        return _error(500, "internal", "internal server error (logged)")

    def result_json(r: Result) -> dict[str, Any]:
        d = r.to_dict()
        if "audit_error" in d["extra"]:  # it names the log file: the server's log has it, the client not
            log.error("run %s: %s", r.run_id, d["extra"]["audit_error"])
            d["extra"]["audit_error"] = "the audit log could not be written (the server's log says why)"
        return d

    @app.post("/v1/run", response_class=JSONBody, responses={200: {"model": RunResponse}, **_ERRORS},
              summary="Run a program")
    async def run(req: RunRequest, request: Request) -> Response:
        return await _unless_gone(request, lambda: runner.run(req.job()), lambda r: result_json(r))

    @app.post("/v1/batch", response_class=JSONBody, responses={200: {"model": BatchResponse}, **_ERRORS},
              summary="Run several programs; results in order")
    async def batch(req: BatchRequest, request: Request) -> Response:
        return await _unless_gone(request, lambda: runner.run_batch([j.job() for j in req.jobs]),
                                  lambda results: {"results": [result_json(r) for r in results]})

    @app.post("/v1/check", response_class=JSONBody, responses={200: {"model": CheckResponse}, **_ERRORS},
              summary="Check a program without running it (syntax and policy)")
    async def check(req: CheckRequest) -> Response:
        violations = await runner.check(req.lang, req.code)
        return JSONBody({"ok": not violations, "violations": violations})

    @app.get("/v1/policy", response_class=JSONBody, summary="The effective policy")
    async def policy_() -> Response:
        return JSONBody(runner.policy_document())

    @app.get("/healthz", response_class=JSONBody, summary="Liveness and load")
    async def healthz() -> Response:
        return JSONBody({"status": "ok", "version": __version__, "active": runner.active,
                         "waiting": runner.waiting, "workers": runner.workers, "queue": runner.queue})

    @app.get("/metrics", summary="Prometheus metrics (text exposition format)",
             responses={200: {"content": {"text/plain": {}}}})
    async def metrics_() -> Response:
        return Response(metrics.render(), media_type=CONTENT_TYPE)

    guarded = Guard(app, token=token, max_body_bytes=max_body_bytes, open_paths=OPEN_PATHS,
                    on_reject=metrics.rejected, body_problem=json_problem)
    return _Counted(guarded, metrics, app)


async def _unless_gone(request: Request, work: Callable[[], Awaitable[T]], render: Callable[[T], Any]) -> Response:
    """``render(await work())`` as JSON, unless the client disconnects first: then the work is
    cancelled (its runs stopped, their slots free at once) and nobody is answered (499 in the metrics).

    Starlette does not cancel a handler whose client went away: a run would hold its slot to its
    timeout, up to the policy's ``max_timeout_s``, for an answer nobody reads.
    """
    task = asyncio.ensure_future(work())

    async def watch() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            pass
        task.cancel()

    watcher = asyncio.ensure_future(watch())
    try:
        return JSONBody(render(await task))
    except asyncio.CancelledError:
        if not watcher.done() or watcher.cancelled():
            raise  # the server is cancelling this request, not the client
        return _error(499, "client_closed", "the client closed the connection before the answer")
    finally:
        watcher.cancel()


class _Counted:
    """Counts responses by route and status code (``sandboxes_http_requests_total``), refusals of
    the ``Guard`` included. ``.fastapi`` is the FastAPI application (for tests and embedding)."""

    def __init__(self, app: ASGIApp, metrics: Metrics, fastapi: FastAPI) -> None:
        self.app = app
        self.metrics = metrics
        self.fastapi = fastapi

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        route = path if path in ROUTES else "other"

        async def counting_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                self.metrics.request(route, int(message["status"]))
            await send(message)

        await self.app(scope, receive, counting_send)


def serve(*, host: str = "127.0.0.1", port: int = 8000, policy: str | Path | None = None,
          token_file: str | Path | None = None, no_auth: bool = False, workers: int | None = None,
          queue: int = DEFAULT_QUEUE, max_body_bytes: int | None = DEFAULT_MAX_BODY_BYTES,
          log_level: str = "info", request_timeout_s: float = REQUEST_TIMEOUT_S,
          max_connections: int = MAX_CONNECTIONS) -> None:
    """``sandboxes serve``: refuse to start without a token off loopback, then serve until stopped."""
    import uvicorn

    from ._guard import auth_token

    token = auth_token(host, token_file, no_auth)  # SandboxError before anything listens
    config = server_config(None, host=host, port=port, log_level=log_level, access_log=log_level == "debug",
                           request_timeout_s=request_timeout_s, max_connections=max_connections)
    app = create_app(policy, token=token, workers=workers, queue=queue, max_body_bytes=max_body_bytes)
    runner: Runner = app.fastapi.state.runner
    where = f"[{host}]" if ":" in host else host
    print(f"sandboxes serve: http://{where}:{port} ({'bearer token required' if token else 'no auth, loopback only'}"
          f"; {runner.workers} runs at once, {runner.queue} queued at most)", file=sys.stderr, flush=True)
    config.app = app
    uvicorn.Server(config).run()

