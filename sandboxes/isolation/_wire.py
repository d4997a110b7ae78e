"""Length-prefixed frames over pipes: an 8-byte big-endian length, then the payload.

Readers always pass a byte cap: a frame announcing more than the cap is not read
(``FrameTooLarge``), so a confined process can never make its reader allocate
more than the cap.
"""

from __future__ import annotations

import json
import os
import select
import struct
import time
from typing import Any

_HEADER = struct.Struct(">Q")


class FrameTooLarge(Exception):
    """The peer announced or sent more bytes than the reader's cap."""


class FrameTimeout(Exception):
    """The deadline passed before a whole frame arrived."""


def encode(obj: Any) -> bytes:
    payload = json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogatepass")
    return _HEADER.pack(len(payload)) + payload


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def decode(payload: bytes) -> Any:
    """A frame's payload as JSON. Raises ``ValueError`` for anything else, however it is malformed.

    The peer may be guest-controlled: ``NaN``/``Infinity`` (not JSON) are refused, and nesting
    deep enough to exhaust the parser's recursion is a ``ValueError`` too, never a
    ``RecursionError`` escaping to the caller.
    """
    try:
        return json.loads(payload.decode("utf-8", "surrogatepass"), parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("frame nested too deeply") from None


def pending(fd: int) -> bool:
    """Whether ``fd`` has bytes to read right now (an end of file alone does not count)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return any(ev & select.POLLIN for _fd, ev in poller.poll(0))


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


class FrameReader:
    """Reads consecutive frames from one fd, with a deadline and a byte cap per frame."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buf = bytearray()
        self.eof = False

    def has_more(self) -> bool:
        """Bytes beyond the frames read so far, buffered or waiting in the pipe."""
        return bool(self.buf) or (not self.eof and pending(self.fd))

    def drain(self, cap: int) -> int:
        """Read what is left up to the end of file (the writer is gone), at most ``cap`` bytes; the count."""
        n = len(self.buf)
        self.buf.clear()
        while not self.eof and n <= cap and pending(self.fd):
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                self.eof = True
            n += len(chunk)
        return n

    def read(self, *, cap: int, deadline: float | None) -> Any | None:
        """The next decoded frame; ``None`` on EOF before a whole frame. Raises FrameTimeout/FrameTooLarge."""
        while True:
            if len(self.buf) >= _HEADER.size:
                (size,) = _HEADER.unpack_from(self.buf)
                if size > cap:
                    raise FrameTooLarge(size)
                end = _HEADER.size + size
                if len(self.buf) >= end:
                    payload = bytes(self.buf[_HEADER.size:end])
                    del self.buf[:end]
                    return decode(payload)
            if self.eof:
                return None
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise FrameTimeout()
                poller = select.poll()
                poller.register(self.fd, select.POLLIN | select.POLLHUP | select.POLLERR)
                if not poller.poll(max(1, int(left * 1000 + 0.999))):
                    raise FrameTimeout()
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                self.eof = True
            else:
                self.buf += chunk
                if len(self.buf) > cap + _HEADER.size:
                    raise FrameTooLarge(len(self.buf))
