# Tries: header confusion: a header that must come once, sent twice with two different values, so
# that the middleware that checks it and the framework that uses it may each read a different one
# (Starlette's Headers.get returns the first, a dict of the headers keeps the last): Content-Type
# text/plain then application/json (and the reverse), two Origins (a foreign one and ours), two
# Transfer-Encodings. h11 itself refuses two Hosts and two different Content-Lengths.
# Published: PortSwigger Web Security Academy, "HTTP request smuggling" and "HTTP Host header
# attacks" (duplicate headers); RFC 9110 section 5.3 (a field that is not a list must not repeat).
import pytest

from .conftest import raw, request, status

JOB = b'{"lang":"python","code":"print(6*7)"}'


@pytest.mark.parametrize("pair", [
    [("Content-Type", "text/plain"), ("Content-Type", "application/json")],
    [("Content-Type", "application/json"), ("Content-Type", "text/plain")],
    [("Origin", "http://evil.example"), ("Origin", "{own}")],
    [("Origin", "{own}"), ("Origin", "http://evil.example")],
    [("Host", "evil.example"), ("Host", "{host}")],
    [("Content-Length", str(len(JOB))), ("Content-Length", "3")],
])
def test_a_repeated_single_header_is_refused(open_server, pair):
    host = open_server.url.removeprefix("http://")
    headers = [("Host", host)] if pair[0][0] != "Host" else []
    headers += [(k, v.format(own=open_server.url, host=host)) for k, v in pair]
    if pair[0][0] != "Content-Length":
        headers.append(("Content-Length", str(len(JOB))))
    if pair[0][0] != "Content-Type":
        headers.append(("Content-Type", "application/json"))
    out = raw(open_server.url, request("POST", "/v1/run", headers, JOB))
    assert status(out) == 400 and b'"42\\n"' not in out, out[:300]
