# Tries: opening more connections than the server should hold, each idle or half-sent, to use up its
# file descriptors and memory (uvicorn's limit_concurrency is None by default: no bound at all); then
# whether the server answers again once they are gone.
# Published: OWASP Denial of Service Cheat Sheet ("limit the number of connections"); Slowloris,
# CVE-2007-6750; uvicorn settings docs, --limit-concurrency.
import socket

from .conftest import SERVE_ARGS, address, httpx, raw, request, serve, status

LIMIT = 8


def test_connections_over_the_bound_get_503_and_the_server_recovers(tmp_path):
    with serve([*SERVE_ARGS, "--max-connections", str(LIMIT)], tmp_path, auth=False) as server:
        host = server.url.removeprefix("http://")
        held = [socket.create_connection(address(server.url), timeout=5) for _ in range(LIMIT)]
        try:
            for s in held:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: " + host.encode() + b"\r\n")  # never finished
            out = raw(server.url, request("GET", "/healthz", [("Host", host)]))
            assert status(out) == 503, out[:200]
        finally:
            for s in held:
                s.close()
        assert httpx.get(server.url + "/healthz", timeout=30).status_code == 200
