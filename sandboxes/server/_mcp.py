"""``sandboxes mcp``: an MCP server on the official SDK (PyPI ``mcp``), over stdio or streamable HTTP.

Tools ``run_python``, ``run_javascript``, ``run_go`` (``code``, ``stdin``, ``timeout`` -> ``status``,
``stdout``, ``stderr``, ``exit_code``, ``violations`` as structured content) and ``check``; the
effective policy as the resource ``sandboxes://policy``. Each tool's description is written from
the policy this server enforces (the importable modules or packages, the limits), so that a model
reading it writes code that runs here. A caller mistake (a ``timeout`` above the ceiling) is a tool
error naming the field; what the program does (a refusal, a crash, a timeout) is a result.
"""

# No ``from __future__ import annotations``: the SDK reads the tools' signatures, whose
# descriptions are made at run time from the policy.

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import BaseModel, Field

from .. import __version__
from ..errors import RuntimeUnavailableError
from ..policy import Limits, Policy
from ..result import Result, Status
from ._runner import DEFAULT_QUEUE, FieldError, Job, QueueFull, Runner
from ._transport import MAX_CONNECTIONS, REQUEST_TIMEOUT_S, server_config

POLICY_URI = "sandboxes://policy"
StatusName = Literal[tuple(s.value for s in Status)]  # type: ignore[valid-type]


class ViolationOut(BaseModel):
    kind: str = Field(description="the rule: import, attribute, name, builtin, size, directive, syntax...")
    detail: str
    line: int | None = None
    col: int | None = None


class RunOutput(BaseModel):
    """How the run ended and what it printed."""

    status: StatusName = Field(description="ok | error (raised, crashed or exited non-zero) | timeout | "  # type: ignore[valid-type]
                               "memory_limit | output_limit | violation (refused by the policy: see "
                               "violations) | compile_error")
    stdout: str
    stderr: str
    exit_code: int | None
    duration_s: float
    violations: list[ViolationOut] = Field(description="what the policy refused, with the line")


class CheckOutput(BaseModel):
    ok: bool = Field(description="true if the program passes the syntax and policy checks")
    violations: list[ViolationOut]


def _out(r: Result) -> RunOutput:
    return RunOutput(status=r.status.value, stdout=r.stdout, stderr=r.stderr, exit_code=r.exit_code,
                     duration_s=round(r.duration_s, 6),
                     violations=[ViolationOut(kind=v.kind, detail=v.detail, line=v.line, col=v.col)
                                 for v in r.violations])


def _field_message(e: FieldError) -> str:
    return e.message if e.message.startswith(f"{e.field}:") else f"{e.field}: {e.message}"


def _size(n: int | None) -> str:
    if n is None:
        return "no limit"
    return f"{n // (1 << 20)} MiB" if n % (1 << 20) == 0 else f"{n // 1024} KiB" if n % 1024 == 0 else f"{n} bytes"


def _limits_text(limits: Limits) -> str:
    t = "no time limit" if limits.timeout_s is None else f"{limits.timeout_s:g} s of run time by default"
    if limits.max_timeout_s is not None:
        t += f" (timeout= up to {limits.max_timeout_s:g} s)"
    mem = "no memory cap" if limits.memory_mb is None else f"{limits.memory_mb} MiB of memory"
    return (f"Limits: {t}; {mem}; {_size(limits.max_output_bytes)} of output (stdout + stderr); "
            f"{_size(limits.max_code_bytes)} of source.")


def describe(policy: Policy, lang: str) -> str:
    """The tool description of ``lang``: what a program may use here, from ``policy``."""
    if lang == "python":
        py = policy.python
        if getattr(py, "engine", "restricted") == "wasm":
            what = ("Run a Python 3 program (full CPython on WebAssembly, with numpy and pandas) in a sandbox. "
                    "No files, network or subprocesses.")
        else:
            what = (f"Run a Python {sys.version_info.major}.{sys.version_info.minor} program in a sandbox "
                    "(RestrictedPython: the language as usual; no files, network, subprocesses or threads; "
                    "private attributes and interpreter internals are refused). "
                    f"Importable modules, nothing else: {', '.join(py.modules) or 'none'}."
                    + ("" if py.allow_eval else " eval() and exec() are refused."))
        io = "Read input with input() or sys.stdin; write results with print()."
        limits = py.limits
    elif lang == "javascript":
        js = policy.javascript
        what = ("Run a JavaScript program (V8, modern ECMAScript; not Node.js) in a sandbox. No npm modules, "
                "files or network: require() offers only 'fs' (to read stdin), 'readline' and 'process'."
                + ("" if js.allow_wasm else " WebAssembly is not available."))
        io = "Read a line of input with readline() (null at the end); write results with console.log()."
        limits = js.limits
    else:
        go = policy.go
        what = ("Run a Go program (package main with func main, standard library only, compiled to "
                "WebAssembly) in a sandbox. Importable packages, nothing else: "
                f"{', '.join(go.packages) or 'none'}. No files, network, subprocesses or cgo.")
        io = ("Read input from os.Stdin (bufio.Scanner); write results with fmt.Println. The first run of a "
              f"new program compiles it (up to {go.compile_timeout_s:g} s apart from the run's timeout).")
        limits = go.limits
    return (f"{what} {io} {_limits_text(limits)} Returns status (ok, error, timeout, memory_limit, "
            "output_limit, violation, compile_error), stdout, stderr, exit_code and violations (what the "
            "policy refused, with its line): fix a violation by not using what it names.")


def create_mcp_server(policy: Policy | str | Path | None = None, *, workers: int | None = None,
                      queue: int = DEFAULT_QUEUE) -> tuple[MCPServer, Runner]:
    """The MCP server and the ``Runner`` behind it (close it when done)."""
    runner = Runner(policy, workers=workers, queue=queue)
    pol = runner.policy
    server = MCPServer(
        "sandboxes", version=__version__, log_level="WARNING",
        instructions=("Run untrusted Python, JavaScript and Go programs in sandboxes: run_python, "
                      "run_javascript, run_go; check a program without running it with check. Each tool's "
                      f"description says what is allowed; the whole policy is the resource {POLICY_URI}."))
    hints = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=False,
                            open_world_hint=False)

    async def run(lang: str, code: str, stdin: str, timeout: float | None) -> RunOutput:
        try:
            return _out(await runner.run(Job(lang, code, stdin, timeout)))
        except FieldError as e:
            raise ToolError(_field_message(e)) from None
        except QueueFull as e:
            raise ToolError(str(e)) from None
        except RuntimeUnavailableError as e:
            raise ToolError(f"this server cannot run {lang}: {e}") from None

    for lang, title in (("python", "Python"), ("javascript", "JavaScript"), ("go", "Go")):
        limits = pol.for_language(lang).limits
        timeout_doc = ("seconds the program may run" +
                       (f" (default {limits.timeout_s:g}" if limits.timeout_s is not None else " (default: no limit") +
                       (f", at most {limits.max_timeout_s:g})" if limits.max_timeout_s is not None else ")"))

        def tool(lang: str, title: str, timeout_doc: str) -> Any:
            async def run_lang(
                code: Annotated[str, Field(description=f"the {title} program's source")],
                stdin: Annotated[str, Field(description="the program's standard input")] = "",
                timeout: Annotated[float | None, Field(description=timeout_doc)] = None,
            ) -> RunOutput:
                return await run(lang, code, stdin, timeout)

            return run_lang

        server.add_tool(tool(lang, title, timeout_doc), name=f"run_{lang}", title=f"Run {title}",
                        description=describe(pol, lang), annotations=hints, structured_output=True)

    async def check(
        lang: Annotated[Literal["python", "javascript", "go"], Field(description="the program's language")],
        code: Annotated[str, Field(description="the program's source")],
    ) -> CheckOutput:
        try:
            violations = await runner.check(lang, code)
        except FieldError as e:
            raise ToolError(_field_message(e)) from None
        except QueueFull as e:
            raise ToolError(str(e)) from None
        return CheckOutput(ok=not violations, violations=[ViolationOut(**v) for v in violations])

    server.add_tool(check, name="check", title="Check a program",
                    description="Check a program against this server's policy without running it: syntax errors "
                    "and refused imports, names and constructs, each with its line.",
                    annotations=ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True,
                                                open_world_hint=False), structured_output=True)

    document = json.dumps(runner.policy_document(), indent=2)

    @server.resource(POLICY_URI, name="policy", title="The effective sandbox policy", mime_type="application/json",
                     description="The policy this server enforces: limits, isolation, the allowlists per language.")
    def policy_resource() -> str:
        return document

    return server, runner


def serve_mcp(*, http: bool = False, host: str = "127.0.0.1", port: int = 8000, policy: str | Path | None = None,
              token_file: str | Path | None = None, no_auth: bool = False, workers: int | None = None,
              request_timeout_s: float = REQUEST_TIMEOUT_S, max_connections: int = MAX_CONNECTIONS) -> None:
    """``sandboxes mcp``: stdio (the client starts this process), or streamable HTTP at /mcp."""
    import anyio

    if not http:
        if token_file is not None or no_auth or host != "127.0.0.1" or port != 8000:
            from ..errors import SandboxError

            raise SandboxError("--host, --port, --token-file and --no-auth are for --http; over stdio the "
                               "client that starts this process is the only one that can talk to it")
        server, runner = create_mcp_server(policy, workers=workers)
        try:
            anyio.run(_serve_stdio, server)
        finally:
            runner.close()
        return

    import uvicorn

    from ._guard import Guard, auth_token

    token = auth_token(host, token_file, no_auth)  # SandboxError before anything listens
    config = server_config(None, host=host, port=port, log_level="warning", access_log=False,
                           request_timeout_s=request_timeout_s, max_connections=max_connections)
    server, runner = create_mcp_server(policy, workers=workers)
    # a session is kept 30 min after its last request (the SDK's idle timeout): as many as connections
    app = Guard(server.streamable_http_app(host=host, max_sessions=max_connections), token=token,
                max_body_bytes=4 << 20, json_paths=())
    where = f"[{host}]" if ":" in host else host
    auth = "bearer token required" if token else "no auth, loopback only"
    print(f"sandboxes mcp: http://{where}:{port}/mcp ({auth})", file=sys.stderr, flush=True)
    config.app = app
    try:
        uvicorn.Server(config).run()
    finally:
        runner.close()


async def _serve_stdio(server: MCPServer) -> None:
    """``MCPServer.run_stdio_async``, but a line the SDK cannot parse is answered (``_Answering``)."""
    from mcp.server.stdio import stdio_server

    low = server._lowlevel_server  # what run_stdio_async runs (mcp 2.x), given the answering stream
    async with stdio_server() as (read_stream, write_stream):
        await low.run(_Answering(read_stream, write_stream), write_stream, low.create_initialization_options())


class _Answering:
    """The stdio read stream, where a line that is not a JSON-RPC message gets its error response.

    The SDK's stdio transport passes such a line on as an exception and its session drops it: the
    client never hears back, and a request holding a lone surrogate (``"\\ud800"``, which the SDK's
    JSON parser refuses) waits for ever. JSON-RPC 2.0 section 5.1 answers it: -32700 (not JSON) or
    -32600 (not a request), with the request's id when the line has one, else null. A notification
    (no id, a method) that fails gets no answer, as notifications never do.
    """

    def __init__(self, inner: Any, write_stream: Any) -> None:
        self._inner = inner
        self._write = write_stream

    @property
    def last_context(self) -> Any:
        return getattr(self._inner, "last_context", None)

    def __aiter__(self) -> "_Answering":
        return self

    async def __anext__(self) -> Any:
        while True:
            item = await self._inner.__anext__()
            if not isinstance(item, Exception):
                return item
            await self._answer(item)

    async def receive(self) -> Any:
        return await self.__anext__()

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def __aenter__(self) -> "_Answering":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _answer(self, error: Exception) -> None:
        from mcp.shared.message import SessionMessage
        from mcp.types import INVALID_REQUEST, PARSE_ERROR, ErrorData, JSONRPCError

        line = _input_of(error)
        try:
            message = json.loads(line) if isinstance(line, (str, bytes)) else line
        except ValueError:
            message, code, what = None, PARSE_ERROR, "Parse error: the line is not JSON"
        else:
            code, what = INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message this server reads"
            if isinstance(line, str) and isinstance(message, dict):  # JSON to Python, not to the SDK (a lone surrogate)
                code, what = PARSE_ERROR, "Parse error: the SDK cannot read this JSON (e.g. a lone surrogate escape)"
        if isinstance(message, dict) and "id" not in message and "method" in message:
            return  # a notification
        rid = message.get("id") if isinstance(message, dict) else None
        rid = rid if isinstance(rid, (str, int)) and not isinstance(rid, bool) else None
        answer = JSONRPCError(jsonrpc="2.0", id=rid, error=ErrorData(code=code, message=what))
        await self._write.send(SessionMessage(answer))


def _input_of(error: Exception) -> Any:
    """The raw line a pydantic ``ValidationError`` of the SDK's parse was given, if it says."""
    errors = getattr(error, "errors", None)
    try:
        first = errors()[0] if callable(errors) else None
    except Exception:  # noqa: BLE001 - whatever the error is, it gets an answer
        first = None
    return first.get("input") if isinstance(first, dict) else None
