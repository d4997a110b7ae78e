"""Servers for the attacks on ``sandboxes serve`` and ``sandboxes mcp --http``: started by the tests
on 127.0.0.1 and an ephemeral port (``tests/server/conftest.py``), stopped after.

The shared ones: 2 runs at once and 2 queued (small enough to fill), a 200 kB body limit and a
request deadline of ``REQUEST_TIMEOUT_S`` (short, so that the slow-client attacks end quickly).
"""

from __future__ import annotations

import socket
import time

import pytest

from tests.server.conftest import httpx, serve

pytest.importorskip("fastapi")

WORKERS, QUEUE, MAX_BODY = 2, 2, 200_000
REQUEST_TIMEOUT_S = 3.0
SERVE_ARGS = ["serve", "--workers", str(WORKERS), "--queue", str(QUEUE), "--max-body-bytes", str(MAX_BODY),
              "--log-level", "warning", "--request-timeout", str(REQUEST_TIMEOUT_S)]


@pytest.fixture(scope="session")
def open_server(tmp_path_factory):
    """``sandboxes serve --no-auth`` on 127.0.0.1: the set-up a browser page attacks."""
    with serve(SERVE_ARGS, tmp_path_factory.mktemp("open"), auth=False) as served:
        yield served


@pytest.fixture(scope="session")
def token_server(tmp_path_factory):
    with serve(SERVE_ARGS, tmp_path_factory.mktemp("token")) as served:
        yield served


def address(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    return host.strip("[]"), int(port)


def raw(url: str, data: bytes, wait: float = 10.0) -> bytes:
    """Send ``data`` as is on a new connection; what comes back until the server closes or ``wait`` s."""
    with socket.create_connection(address(url), timeout=wait) as s:
        s.sendall(data)
        out = b""
        deadline = time.monotonic() + wait
        try:
            while time.monotonic() < deadline:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
                if b"\r\n\r\n" in out and _complete(out):
                    break
        except (TimeoutError, ConnectionResetError):
            pass
        return out


def _complete(out: bytes) -> bool:
    head, _, body = out.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return False


def host_details(text: bytes | str) -> list[str]:
    """What of this machine ``text`` shows: a traceback, the interpreter's or the checkout's paths, the user's home."""
    import os
    import sys
    from pathlib import Path

    t = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    needles = ["Traceback (most recent call last)", "site-packages", sys.prefix, sys.base_prefix,
               str(Path(__file__).resolve().parents[3]), os.path.expanduser("~") + "/"]
    return [n for n in needles if n and n in t]


def status(response: bytes) -> int:
    """The status code of a raw HTTP response (0: none came)."""
    parts = response.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def request(method: str, path: str, headers: list[tuple[str, str]], body: bytes = b"") -> bytes:
    """A raw HTTP/1.1 request with exactly these headers (repeats and odd values kept), and ``body``."""
    lines = [f"{method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in headers)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def closed_within(sock: socket.socket, seconds: float, feed: bytes | None = None, every: float = 0.5) -> float | None:
    """Seconds until the server closes ``sock`` (None: still open after ``seconds``), sending one
    byte of ``feed`` every ``every`` seconds meanwhile (a trickling client)."""
    t0 = time.monotonic()
    sock.settimeout(every)
    i = 0
    while time.monotonic() - t0 < seconds:
        if feed is not None and i < len(feed):
            try:
                sock.sendall(feed[i:i + 1])
            except OSError:
                return time.monotonic() - t0
            i += 1
        try:
            if sock.recv(65536) == b"":
                return time.monotonic() - t0
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - t0
    return None


__all__ = ["MAX_BODY", "QUEUE", "REQUEST_TIMEOUT_S", "WORKERS", "StdioMCP", "address", "closed_within", "host_details",
           "httpx", "raw", "request", "serve", "status"]


class StdioMCP:
    """``python -m sandboxes mcp`` over stdio, spoken to line by line (raw JSON-RPC, any bytes)."""

    def __init__(self, *args: str) -> None:
        import subprocess
        import sys
        import threading

        self.proc = subprocess.Popen([sys.executable, "-m", "sandboxes", "mcp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: list[bytes] = []
        self.stderr = b""
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()
        self.send(b'{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
                  b'"capabilities":{},"clientInfo":{"name":"attack","version":"1"}}}')
        assert self.answer(0, 120) is not None, self.stderr
        self.send(b'{"jsonrpc":"2.0","method":"notifications/initialized"}')

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append(line)
                self._cond.notify_all()

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr += line

    def send(self, line: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + b"\n")
        self.proc.stdin.flush()

    def call(self, id_: int, tool: str, arguments: dict) -> None:
        import json

        self.send(json.dumps({"jsonrpc": "2.0", "id": id_, "method": "tools/call",
                              "params": {"name": tool, "arguments": arguments}}).encode())

    def answer(self, id_: int, timeout: float) -> dict | None:
        """The response with this id, or None if none came within ``timeout`` s."""
        import json

        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for line in self.lines:
                    try:
                        msg = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(msg, dict) and msg.get("id") == id_ and ("result" in msg or "error" in msg):
                        return msg
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(20)
        except Exception:  # noqa: BLE001 - a server that does not end on EOF is killed
            self.proc.kill()
            self.proc.wait()
