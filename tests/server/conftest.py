"""Servers started by the tests themselves: ``python -m sandboxes serve|mcp`` on 127.0.0.1 and a free port."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

START_TIMEOUT_S = 90.0  # a loaded 2-core machine; the server answers in a second or two when idle


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def token_file(directory: Path) -> tuple[str, Path]:
    token = secrets.token_urlsafe(32)
    path = directory / "token"
    path.write_text(token + "\n")
    path.chmod(0o600)
    return token, path


@dataclass
class Served:
    url: str
    token: str
    proc: subprocess.Popen[bytes]
    log: Path

    def stderr(self) -> str:
        return self.log.read_text(errors="replace")


@contextlib.contextmanager
def serve(args: list[str], directory: Path, ready_path: str = "/healthz", *, auth: bool = True,
          host: str = "127.0.0.1") -> Iterator[Served]:
    """Start ``python -m sandboxes <args> --port P --token-file F`` (``--no-auth`` if not ``auth``);
    wait until it answers; stop it after."""
    port = free_port()
    token, tf = token_file(directory)
    log = directory / f"server-{port}.log"
    argv = [sys.executable, "-m", "sandboxes", *args, "--host", host, "--port", str(port),
            *(["--token-file", str(tf)] if auth else ["--no-auth"])]
    with open(log, "wb") as err:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=err, stderr=err, cwd=directory,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://{host}:{port}"
    served = Served(url, token, proc, log)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert proc.poll() is None, f"the server exited with {proc.returncode}: {served.stderr()}"
            try:
                httpx.get(url + ready_path, timeout=2.0)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, f"the server did not answer: {served.stderr()}"
                time.sleep(0.1)
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

