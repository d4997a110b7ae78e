# Attack: open a TCP connection to a listener on 127.0.0.1 (exfiltration), through socket,
# http.client, urllib, asyncio, or a socket smuggled through eval/exec.
# Published: pyjail write-ups (reverse shells with socket); smolagents CVE-2025-5120 (network via imports);
# this project's brief (127.0.0.1 counting listener).
import time

import pytest

TEMPLATES = [
    "import socket\ns = socket.create_connection(('127.0.0.1', {port}))\nprint('REACHED')",
    "s = __import__('socket').socket()\ns.connect(('127.0.0.1', {port}))\nprint('REACHED')",
    "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:{port}/')\nprint('REACHED')",
    "import http.client\nhttp.client.HTTPConnection('127.0.0.1', {port}).request('GET', '/')\nprint('REACHED')",
    "exec('import socket\\nsocket.create_connection((\"127.0.0.1\", {port}))')\nprint('REACHED')",
    "import asyncio\nprint('REACHED', asyncio.open_connection('127.0.0.1', {port}))",
]


@pytest.mark.parametrize("i", range(len(TEMPLATES)))
def test_no_connection_arrives(guest, listener, i):
    r = guest.run(TEMPLATES[i].format(port=listener.port))
    time.sleep(0.3)  # let a connection that was made reach accept()
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    assert listener.count == 0, f"[{guest.mode}] {listener.count} connection(s) reached the listener"
