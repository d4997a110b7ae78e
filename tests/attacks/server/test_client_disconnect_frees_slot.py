# Tries: filling every run slot with programs that sleep for most of the policy's max_timeout_s and
# hanging up at once: Starlette does not cancel a handler whose client went away, so each slot (and
# its worker) stayed busy to the run's timeout for an answer nobody reads, and a client that
# reconnects and hangs up again keeps the service full at no cost to itself.
# Published: OWASP API Security Top 10 2023, API4 Unrestricted Resource Consumption; Starlette
# discussion "Cancel a request handler when the client disconnects" (encode/starlette#1438).
import socket
import time

import pytest

from .conftest import WORKERS, address, httpx, request

JOB = b'{"lang":"python","code":"import time\\ntime.sleep(40)","timeout":50}'
BATCH = b'{"jobs":[' + b",".join([JOB] * WORKERS) + b"]}"


@pytest.mark.parametrize("path, body, connections", [("/v1/run", JOB, WORKERS), ("/v1/batch", BATCH, 1)])
def test_hanging_up_frees_the_slot_and_the_worker(open_server, path, body, connections):
    host = open_server.url.removeprefix("http://")
    socks = []
    for _ in range(connections):
        s = socket.create_connection(address(open_server.url))
        s.sendall(request("POST", path, [("Host", host), ("Content-Type", "application/json"),
                                         ("Content-Length", str(len(body)))], body))
        socks.append(s)
    deadline = time.monotonic() + 30
    while httpx.get(open_server.url + "/healthz").json()["active"] < WORKERS:
        assert time.monotonic() < deadline, "the runs did not start"
        time.sleep(0.1)
    for s in socks:
        s.close()
    t0 = time.monotonic()
    while httpx.get(open_server.url + "/healthz").json()["active"] > 0:
        assert time.monotonic() - t0 < 20, "the slots stay busy after the clients left"  # the runs sleep 40 s
        time.sleep(0.1)
    r = httpx.post(open_server.url + "/v1/run", json={"lang": "python", "code": "print('next')"}, timeout=60)
    assert r.status_code == 200 and r.json()["stdout"] == "next\n"
    assert time.monotonic() - t0 < 30
