# Tries: holding connections with requests that never finish arriving: a connection that sends
# nothing, headers sent one byte at a time, a body sent one byte at a time (each byte resets
# uvicorn's keep-alive timer, the only timer it has), and the same after a first complete request on
# a kept-alive connection. Enough of them exhaust the server's file descriptors.
# Published: Slowloris, CVE-2007-6750 (RSnake, 2009); the uvicorn issue "Further timeouts and
# resource limiting" (Kludex/uvicorn#157: no --timeout-request-start / --timeout-request-complete).
import socket
import time

import pytest

from .conftest import REQUEST_TIMEOUT_S, address, closed_within, httpx, request, serve

BOUND = REQUEST_TIMEOUT_S + 20  # generous: a loaded machine


def connect(server):
    return socket.create_connection(address(server.url), timeout=5)


def test_a_silent_connection_is_closed(open_server):
    with connect(open_server) as s:
        took = closed_within(s, BOUND)
    assert took is not None and took >= REQUEST_TIMEOUT_S * 0.8, took


def test_trickled_headers_are_cut(open_server):
    head = request("GET", "/healthz", [("Host", open_server.url.removeprefix("http://"))] +
                   [(f"X-Pad-{i}", "a") for i in range(200)])
    with connect(open_server) as s:
        took = closed_within(s, BOUND, feed=head, every=0.3)
    assert took is not None, "the server still waits for the headers"


def test_a_trickled_body_is_cut(open_server):
    body = b'{"lang":"python","code":"print(1)"}' + b" " * 400
    head = request("POST", "/v1/run", [("Host", open_server.url.removeprefix("http://")),
                                       ("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    with connect(open_server) as s:
        s.sendall(head)
        took = closed_within(s, BOUND, feed=body, every=0.3)
    assert took is not None, "the server still waits for the body"


def test_a_second_request_on_a_kept_alive_connection_is_bounded_too(open_server):
    host = open_server.url.removeprefix("http://")
    with connect(open_server) as s:
        s.sendall(request("GET", "/healthz", [("Host", host)]))
        time.sleep(0.5)
        assert s.recv(65536).startswith(b"HTTP/1.1 200")
        took = closed_within(s, BOUND, feed=request("GET", "/healthz", [("Host", host)] +
                                                    [(f"X-Pad-{i}", "a") for i in range(200)]), every=0.3)
    assert took is not None


def test_a_run_longer_than_the_deadline_is_not_cut(open_server):
    """The deadline is for the request to arrive, not for the program to run."""
    job = {"lang": "python", "code": f"import time\ntime.sleep({REQUEST_TIMEOUT_S + 1.5})\nprint('done')",
           "timeout": REQUEST_TIMEOUT_S + 20}
    r = httpx.post(open_server.url + "/v1/run", json=job, timeout=120)
    assert r.status_code == 200 and r.json()["stdout"] == "done\n", r.text


def test_the_mcp_http_transport_has_the_deadline_too(tmp_path):
    pytest.importorskip("mcp")
    with serve(["mcp", "--http", "--request-timeout", str(REQUEST_TIMEOUT_S)], tmp_path, ready_path="/mcp") as server:
        with connect(server) as s:
            head = request("POST", "/mcp", [("Host", server.url.removeprefix("http://"))] +
                           [(f"X-Pad-{i}", "a") for i in range(200)])
            took = closed_within(s, BOUND, feed=head, every=0.3)
        assert took is not None, "the MCP server still waits for the headers"
