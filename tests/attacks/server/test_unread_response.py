# Tries: the slow-read denial of service: ask for a large answer (1 MiB of control characters, each
# JSON-escaped to six bytes: ~6 MiB of JSON) with a tiny receive window and never read it. The
# server's write buffer holds the answer, and the connection stays open, for as long as the client
# likes; many such clients hold that much memory each.
# Published: Sergey Shekyan, "Are you ready for slow reading?" (Qualys, 2012; the slowhttptest tool's
# slow-read mode); OWASP API Security Top 10 2023, API4 Unrestricted Resource Consumption.
import json
import socket
import time

from .conftest import REQUEST_TIMEOUT_S, address, httpx, request

ANSWER_BYTES = 6 << 20


def test_a_response_nobody_reads_is_dropped(open_server):
    job = json.dumps({"lang": "python", "code": "import sys\nsys.stdout.write('\\x01' * (1 << 20))"}).encode()
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(address(open_server.url))
    with s:
        s.sendall(request("POST", "/v1/run", [("Host", open_server.url.removeprefix("http://")),
                                              ("Content-Type", "application/json"),
                                              ("Content-Length", str(len(job)))], job))
        time.sleep(REQUEST_TIMEOUT_S + 10)  # the run, then the stall deadline (generous): nothing read
        got = 0
        s.settimeout(5)
        try:
            while chunk := s.recv(1 << 20):
                got += len(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
    assert got < ANSWER_BYTES, f"the whole answer arrived ({got} bytes): the server held it for the client"
    assert httpx.get(open_server.url + "/healthz").status_code == 200


def test_a_client_that_reads_gets_the_whole_answer(open_server):
    r = httpx.post(open_server.url + "/v1/run", json={"lang": "python", "code": "print('\\x01' * 100000)"},
                   timeout=60)
    assert r.status_code == 200 and r.json()["stdout"] == "\x01" * 100000 + "\n"
