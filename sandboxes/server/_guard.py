"""The front door of both servers: who may call, and how much they may send.

``auth_token`` decides at start-up: a bearer token (read from a file) is required, unless the
server listens on a loopback address and was started with ``--no-auth``; a server on any other
address never starts without one. ``Guard`` is a plain ASGI middleware in front of the application:

- a header that must come once (``Host``, ``Authorization``, ``Content-Type``, ``Content-Length``,
  ``Origin``, ``Transfer-Encoding``) coming twice, or a body framed by both ``Content-Length`` and
  ``Transfer-Encoding`` (request smuggling, RFC 9112 section 6.3), is refused (400): two readers of
  one request must never see two different values;
- ``Authorization: Bearer <token>`` compared in constant time (``hmac.compare_digest``); 401 otherwise;
- with no token (loopback only), a ``Host`` header that is missing or not a loopback name is refused
  (403), so a web page cannot reach the server by DNS rebinding;
- a request with an ``Origin`` header (a browser's) is refused (403) unless that origin is the
  server's own (the origin's host and port are the ``Host`` header's): no other site's page may
  call it, whatever the content type, and no CORS preflight is ever granted (the MCP spec's
  "servers MUST validate the Origin header");
- a POST must say ``Content-Type: application/json`` (415): a browser sends no such cross-origin
  request without a CORS preflight, which this server never grants;
- a body over ``max_body_bytes`` gets 413 before the application reads any of it; a JSON body
  ``body_problem`` finds fault with gets 400 with its reason.

What ASGI middleware cannot see (a request that never finishes arriving, a response the client
never reads) is bounded under it, in the HTTP protocol (``_transport``).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import stat
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any

from ..errors import SandboxError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MIN_TOKEN_CHARS = 16
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")
SINGLE_HEADERS = ("host", "authorization", "content-type", "content-length", "origin", "transfer-encoding")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address to listen on, or a Host header's name) is this machine only."""
    name = host.strip().lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(path: str | Path) -> str:
    """The bearer token in ``path`` (surrounding whitespace stripped). ``SandboxError`` if unusable."""
    p = Path(path)
    try:
        st = p.stat()
        text = p.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as e:
        raise SandboxError(f"{path}: cannot read the token file: {getattr(e, 'strerror', None) or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise SandboxError(f"{path}: the token file is not a regular file")
    # Visible ASCII only: a header is bytes, and a token a client cannot send byte for byte is no token.
    if len(text) < MIN_TOKEN_CHARS or not all("!" <= c <= "~" for c in text):
        raise SandboxError(f"{path}: the token must be at least {MIN_TOKEN_CHARS} visible ASCII characters "
                           "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    if os.name == "posix" and st.st_mode & 0o044:
        import logging

        logging.getLogger("sandboxes.server").warning("%s: the token file is readable by other users "
                                                      "(chmod 600 it)", path)
    return text


def auth_token(host: str, token_file: str | Path | None, no_auth: bool) -> str | None:
    """The token a server on ``host`` requires, or None (``--no-auth``, loopback only)."""
    if no_auth:
        if token_file is not None:
            raise SandboxError("give --token-file or --no-auth, not both")
        if not is_loopback(host):
            raise SandboxError(f"refusing to serve on {host} without a token: --no-auth is allowed only on a "
                               "loopback address (127.0.0.1, ::1); give --token-file FILE")
        return None
    if token_file is None:
        raise SandboxError("a bearer token is required: give --token-file FILE "
                           "(or --no-auth, on a loopback address only)")
    return read_token(token_file)


def error_body(kind: str, message: str, field: str | None = None) -> dict[str, Any]:
    """The JSON of every error either server answers: ``{"error": {"type", "field", "message"}}``."""
    return {"error": {"type": kind, "field": field, "message": message}}


class Guard:
    """ASGI middleware: single headers, bearer token, loopback Host without one, the Origin, JSON
    bodies, body size. Nothing but HTTP and the lifespan passes (a WebSocket is closed, 1008)."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_body_bytes: int | None,
                 open_paths: Iterable[str] = (), json_paths: Iterable[str] | None = None,
                 on_reject: Callable[[str], None] | None = None,
                 body_problem: Callable[[bytes], str | None] | None = None) -> None:
        self.app = app
        self._token = token.encode("utf-8") if token is not None else None
        self.max_body_bytes = max_body_bytes
        self.open_paths = frozenset(open_paths)
        self.json_paths = None if json_paths is None else tuple(json_paths)  # None: every POST
        self.on_reject = on_reject
        self.body_problem = body_problem  # the JSON paths' body, read whole: why it is refused, or None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # a WebSocket (uvicorn with a websockets library): no route takes one
            await send({"type": "websocket.close", "code": 1008})
            return
        headers, repeated = _headers(scope)
        path = scope.get("path", "")
        if repeated:
            await self._reject(send, 400, "bad_request", f"the {repeated} header must come at most once", repeated)
            return
        if "content-length" in headers and "transfer-encoding" in headers:
            await self._reject(send, 400, "bad_request", "a body framed by both Content-Length and "
                               "Transfer-Encoding is refused", "Transfer-Encoding")
            return
        host = headers.get("host", "")
        if self._token is None and not is_loopback(_host_name(host)):
            await self._reject(send, 403, "forbidden_host", "this server answers loopback Host names only", "Host")
            return
        origin = headers.get("origin")
        if origin is not None and not _same_origin(origin, host):
            await self._reject(send, 403, "forbidden_origin", "requests from another site's pages are refused "
                               "(the Origin is not this server)", "Origin")
            return
        if self._token is not None and path not in self.open_paths and \
                not self._authorized(headers.get("authorization", "")):
            await self._reject(send, 401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is "
                               "required", "Authorization", [(b"www-authenticate", b'Bearer realm="sandboxes"')])
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        is_json = self.json_paths is None or path.startswith(self.json_paths)
        if is_json:
            ctype = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if ctype != "application/json":
                await self._reject(send, 415, "unsupported_media_type",
                                   "the body must be JSON, sent with 'Content-Type: application/json'",
                                   "Content-Type")
                return
        limit = self.max_body_bytes
        if limit is not None:
            declared = headers.get("content-length")
            if declared is not None and not (declared.isascii() and declared.isdigit()):
                await self._reject(send, 400, "bad_request", "Content-Length is not a number", "Content-Length")
                return
            if declared is not None and int(declared) > limit:
                await self._too_large(send, limit)
                return
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":  # the client went away
                    return
                body = message.get("body", b"")
                size += len(body)
                if size > limit:
                    await self._too_large(send, limit)
                    return
                chunks.append(body)
                if not message.get("more_body", False):
                    break
            whole = b"".join(chunks)
            problem = self.body_problem(whole) if is_json and self.body_problem is not None else None
            if problem is not None:
                await self._reject(send, 400, "malformed_json", problem, "body")
                return
            await self.app(scope, _replay(whole, receive), send)
            return
        await self.app(scope, receive, send)

    def _authorized(self, header: str) -> bool:
        assert self._token is not None
        scheme, _, value = header.partition(" ")
        # compare_digest on bytes (the header's own, latin-1 both ways): constant time in the content
        given = value.strip().encode("latin-1")
        return scheme.lower() == "bearer" and hmac.compare_digest(given, self._token)

    async def _too_large(self, send: Send, limit: int) -> None:
        await self._reject(send, 413, "body_too_large", f"the request body is over {limit} bytes", "body")

    async def _reject(self, send: Send, status: int, kind: str, message: str, field: str | None,
                      extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
        if self.on_reject is not None:
            self.on_reject(kind)
        body = json.dumps(error_body(kind, message, field)).encode("utf-8")
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close"), *(extra_headers or [])]})
        await send({"type": "http.response.body", "body": body})


def _headers(scope: Scope) -> tuple[dict[str, str], str | None]:
    """The request's headers by lower-case name, and the first of ``SINGLE_HEADERS`` that came twice."""
    out: dict[str, str] = {}
    repeated = None
    for k, v in scope.get("headers", []):
        name = k.decode("latin-1").lower()
        if name in out and name in SINGLE_HEADERS and repeated is None:
            repeated = name.title()
        out[name] = v.decode("latin-1")
    return out, repeated


def _split_authority(authority: str) -> tuple[str, str | None] | None:
    """``127.0.0.1:8000`` -> (``127.0.0.1``, ``8000``), ``[::1]`` -> (``[::1]``, None); None if it is
    not ``name[:port]`` (``[::1]evil``, ``localhost:80:x``, ``a:b``)."""
    if authority.startswith("["):
        end = authority.find("]")
        name, rest = (authority[:end + 1], authority[end + 1:]) if end > 0 else ("", "")
    else:
        name, sep, port = authority.partition(":")
        rest = sep + port
    if not name or (rest and not (rest.startswith(":") and rest[1:].isascii() and rest[1:].isdigit())):
        return None
    return name, rest[1:] or None


def _host_name(host: str) -> str:
    """The name of a ``Host`` header, or "" if it is not ``name[:port]``."""
    parts = _split_authority(host.strip())
    return parts[0] if parts else ""


def _same_origin(origin: str, host: str) -> bool:
    """Whether a browser's ``Origin`` (``http://127.0.0.1:8000``) is the server its ``Host`` names.

    ``null`` (a sandboxed frame, a file) and anything that is not ``http(s)://name[:port]`` are not.
    """
    scheme, sep, rest = origin.strip().lower().partition("://")
    if not sep or scheme not in ("http", "https"):
        return False
    default = "80" if scheme == "http" else "443"
    theirs, ours = _split_authority(rest), _split_authority(host.strip().lower())
    if theirs is None or ours is None:
        return False
    return (theirs[0], theirs[1] or default) == (ours[0], ours[1] or default)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the buffered body over once, then waits on the real one (disconnects)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
