"""The front door of both servers: who may call, and how much they may send.

``auth_token`` decides at start-up: a bearer token (read from a file) is required, unless the
server listens on a loopback address and was started with ``--no-auth``; a server on any other
address never starts without one. ``Guard`` is a plain ASGI middleware in front of the application:

- ``Authorization: Bearer <token>`` compared in constant time (``hmac.compare_digest``); 401 otherwise;
- with no token (loopback only), a ``Host`` header that is not a loopback name is refused (403), so a
  web page cannot reach the server by DNS rebinding;
- a POST must say ``Content-Type: application/json`` (415): a browser sends no such cross-origin
  request without a CORS preflight, which this server never grants;
- a body over ``max_body_bytes`` gets 413 before the application reads any of it.
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
    if len(text) < MIN_TOKEN_CHARS or any(c.isspace() for c in text):
        raise SandboxError(f"{path}: the token must be at least {MIN_TOKEN_CHARS} characters without spaces "
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
    """ASGI middleware: bearer token, loopback Host without one, JSON bodies, body size."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_body_bytes: int | None,
                 open_paths: Iterable[str] = (), json_paths: Iterable[str] | None = None,
                 on_reject: Callable[[str], None] | None = None) -> None:
        self.app = app
        self._token = token.encode("utf-8") if token is not None else None
        self.max_body_bytes = max_body_bytes
        self.open_paths = frozenset(open_paths)
        self.json_paths = None if json_paths is None else tuple(json_paths)  # None: every POST
        self.on_reject = on_reject

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        path = scope.get("path", "")
        if self._token is None:
            host = headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host and not is_loopback(name):
                await self._reject(send, 403, "forbidden_host", "this server answers loopback Host names only",
                                   "Host")
                return
        elif path not in self.open_paths and not self._authorized(headers.get("authorization", "")):
            await self._reject(send, 401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is "
                               "required", "Authorization", [(b"www-authenticate", b'Bearer realm="sandboxes"')])
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        if self.json_paths is None or path.startswith(self.json_paths):
            ctype = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if ctype != "application/json":
                await self._reject(send, 415, "unsupported_media_type",
                                   "the body must be JSON, sent with 'Content-Type: application/json'",
                                   "Content-Type")
                return
        limit = self.max_body_bytes
        if limit is not None:
            declared = headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > limit):
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
            await self.app(scope, _replay(b"".join(chunks), receive), send)
            return
        await self.app(scope, receive, send)

    def _authorized(self, header: str) -> bool:
        assert self._token is not None
        scheme, _, value = header.partition(" ")
        # compare_digest on bytes: constant time in the token's content (a str must be ASCII)
        given = value.strip().encode("utf-8", "surrogateescape")
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


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


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
