"""Under the ``Guard``: uvicorn's HTTP protocol with the deadlines it lacks, and the server config.

uvicorn bounds the idle time *between* requests (``timeout_keep_alive``), and resets it on every
byte received; nothing bounds the time a request takes to arrive, nor the time a response waits
for a client that does not read. A client trickling one header byte a second (Slowloris,
CVE-2007-6750), one that connects and sends nothing, or one that asks for 1 MiB of output and
never reads it held its connection, and what it buffered, for ever. ASGI middleware cannot help:
it runs only once the headers are in. So:

- ``request_timeout_s``: from the connection (or the end of the previous response) until the
  request's headers *and* body are in; past it the connection is closed;
- the same time bounds a stalled response: once the transport's write buffer is over its high
  water mark, the client has ``request_timeout_s`` to read some of it before the connection is
  closed (a response the client reads slowly but steadily is never cut);
- ``max_connections``: uvicorn's ``limit_concurrency``, above which new requests get 503 (``mcp
  --http`` bounds its sessions by it too).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import SandboxError

REQUEST_TIMEOUT_S = 30.0  # a 4 MiB body at 1 Mbit/s is 32 s; a program's run is not part of it
MAX_CONNECTIONS = 512  # open connections (and requests in progress) before new requests get 503

log = logging.getLogger("sandboxes.server")


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol where a request must arrive, and a stalled response drain, in time."""

    request_timeout_s = REQUEST_TIMEOUT_S

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._receipt: asyncio.TimerHandle | None = None
        self._stall: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_receipt()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_timers()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR):
            self._cancel(self._receipt)  # the whole request is in: its run may take what time it takes
            self._receipt = None

    def on_response_complete(self) -> None:
        self._arm_receipt()  # the next request on this connection (handle_events disarms it if it is in)
        super().on_response_complete()
        if self.transport.is_closing():
            self._cancel_timers()

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._stall is None:
            self._stall = self.loop.call_later(self.request_timeout_s, self._expire, "the client read none of "
                                               "the response")

    def resume_writing(self) -> None:
        super().resume_writing()
        self._cancel(self._stall)
        self._stall = None

    def _arm_receipt(self) -> None:
        self._cancel(self._receipt)
        self._receipt = self.loop.call_later(self.request_timeout_s, self._expire, "the request did not arrive")

    def _expire(self, why: str) -> None:
        self._cancel_timers()
        if not self.transport.is_closing():
            log.warning("closing a connection: %s within %g s", why, self.request_timeout_s)
            self.transport.abort()  # abort: close() would wait for the buffer the client does not read

    def _cancel_timers(self) -> None:
        self._cancel(self._receipt)
        self._cancel(self._stall)
        self._receipt = self._stall = None

    @staticmethod
    def _cancel(handle: asyncio.TimerHandle | None) -> None:
        if handle is not None:
            handle.cancel()


def server_config(app: Any, *, host: str, port: int, log_level: str, access_log: bool,
                  request_timeout_s: float = REQUEST_TIMEOUT_S,
                  max_connections: int = MAX_CONNECTIONS) -> uvicorn.Config:
    """The uvicorn config of both servers: no Server header, the deadlines above, a connection bound.
    ``app`` may be set later (``config.app``), once the values are known to be right."""
    if not request_timeout_s > 0:  # NaN too
        raise SandboxError(f"--request-timeout: expected a positive number of seconds, got {request_timeout_s!r}")
    if max_connections < 1:
        raise SandboxError(f"--max-connections: expected a positive integer, got {max_connections!r}")
    protocol = type("DeadlineH11Protocol", (DeadlineH11Protocol,), {"request_timeout_s": float(request_timeout_s)})
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, server_header=False, lifespan="on",
                          access_log=access_log, http=protocol, limit_concurrency=max_connections)
