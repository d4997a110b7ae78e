# Tries: bodies over the limit framed every way: a declared Content-Length over it (refused before a
# byte is read), chunked with no length, a declared length smaller than what follows, a huge declared
# length with nothing sent, and a lying Content-Length of 0 followed by a body.
# Published: OWASP API Security Top 10 2023, API4 Unrestricted Resource Consumption ("maximum
# request payload size"); CWE-770 (allocation of resources without limits).
from .conftest import MAX_BODY, httpx, raw, request, status


def test_over_the_limit_with_and_without_a_length(open_server):
    host = open_server.url.removeprefix("http://")
    big = b'{"lang":"python","code":"' + b"#" * (MAX_BODY + 10) + b'"}'
    out = raw(open_server.url, request("POST", "/v1/run", [("Host", host), ("Content-Type", "application/json"),
                                                           ("Content-Length", str(len(big)))]))
    assert status(out) == 413 and b'"body"' in out
    chunks = b"".join(b"%x\r\n" % len(big[i:i + 4096]) + big[i:i + 4096] + b"\r\n" for i in range(0, len(big), 4096))
    out = raw(open_server.url, request("POST", "/v1/run", [("Host", host), ("Content-Type", "application/json"),
                                                           ("Transfer-Encoding", "chunked")], chunks + b"0\r\n\r\n"))
    assert status(out) == 413
    out = raw(open_server.url, request("POST", "/v1/run", [("Host", host), ("Content-Type", "application/json"),
                                                           ("Content-Length", "9" * 18)]))
    assert status(out) in (400, 413)


def test_a_short_declared_length_reads_only_that(open_server):
    host = open_server.url.removeprefix("http://")
    body = b'{"lang":"python","code":"print(1)"}'
    out = raw(open_server.url, request("POST", "/v1/run", [("Host", host), ("Content-Type", "application/json"),
                                                           ("Content-Length", "0")], body))
    assert status(out) == 400 and b"malformed_json" in out, out[:300]
    assert httpx.get(open_server.url + "/healthz").status_code == 200
