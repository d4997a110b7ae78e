# Tries: request smuggling framing: a Content-Length and a chunked Transfer-Encoding on one request (a
# proxy in front that frames by Content-Length would pass the chunked remainder on as a second
# request), an obfuscated Transfer-Encoding, and a Content-Length that is not a plain number.
# Published: James Kettle, "HTTP Desync Attacks: Request Smuggling Reborn" (PortSwigger, 2019);
# RFC 9112 section 6.3: a message with both "ought to be handled as an error".
import asyncio

import pytest

from sandboxes.server._guard import Guard

from .conftest import raw, request, status

JOB = b'{"lang":"python","code":"print(6*7)"}'
CHUNKED = b"%x\r\n" % len(JOB) + JOB + b"\r\n0\r\n\r\n"


@pytest.mark.parametrize("te", ["chunked", "Chunked", "chunked, identity"])
def test_content_length_and_transfer_encoding_together_are_refused(open_server, te):
    headers = [("Host", open_server.url.removeprefix("http://")), ("Content-Type", "application/json"),
               ("Content-Length", "4"), ("Transfer-Encoding", te)]
    out = raw(open_server.url, request("POST", "/v1/run", headers, CHUNKED))
    assert 400 <= status(out) < 500 and b'"42\\n"' not in out, out[:300]


def test_chunked_alone_is_answered(open_server):
    headers = [("Host", open_server.url.removeprefix("http://")), ("Content-Type", "application/json"),
               ("Transfer-Encoding", "chunked")]
    out = raw(open_server.url, request("POST", "/v1/run", headers, CHUNKED))
    assert status(out) == 200 and b'"42\\n"' in out, out[:300]


@pytest.mark.parametrize("value", ["\u00b2", "+5", "-1", "0x10", "1_0", " "])
def test_a_content_length_that_is_not_digits_is_a_400(value):
    """Under h11 such a request never reaches the application; the Guard must not depend on that
    (another ASGI server, a test client): isdigit() is true of '²', which int() refuses."""
    sent = []

    async def app(scope, receive, send):
        raise AssertionError("the request reached the application")

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b"{}", "more_body": False}

    scope = {"type": "http", "method": "POST", "path": "/v1/run",
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                         (b"content-length", value.encode("latin-1"))]}
    asyncio.run(Guard(app, token=None, max_body_bytes=1000)(scope, receive, send))
    assert sent[0]["status"] == 400
