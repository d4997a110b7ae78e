# Tries: JSON a parser chokes on: nesting 20,000 deep (the C scanner's RecursionError), an integer of
# 5,000 digits (Python's int/str conversion limit), NaN and Infinity (not JSON, accepted by Python's
# json), bytes that are not UTF-8, a byte order mark, UTF-16 and UTF-32, raw NUL and control bytes, an
# empty body, a truncated one. Each must be a specific 400 that says why, never a 500, a traceback or
# FastAPI's "There was an error parsing the body".
# Published: CVE-2020-10735 (CPython int/str conversion DoS); Jackson CVE-2020-36518 (deeply nested
# JSON, stack exhaustion); RFC 8259 section 8.1 (JSON text exchanged MUST be UTF-8, no BOM).
import pytest

from .conftest import host_details, raw, request, status

CASES = {
    "deep arrays": (b'{"lang":"python","code":"1","stdin":' + b"[" * 20_000 + b"]" * 20_000 + b"}", b"nested"),
    "deep objects": (b'{"a":' * 10_000 + b"1" + b"}" * 10_000, b"nested"),
    "huge integer": (b'{"lang":"python","code":"1","memory_mb":' + b"9" * 5000 + b"}", b"digits"),
    "NaN": (b'{"lang":"python","code":"1","timeout":NaN}', b"NaN"),
    "Infinity": (b'{"lang":"python","code":"1","timeout":-Infinity}', b"Infinity"),
    "latin-1": (b'{"lang":"python","code":"print(\'caf\xe9\')"}', b"UTF-8"),
    "lone continuation byte": (b'{"lang":"python","code":"\x80"}', b"UTF-8"),
    "BOM": (b'\xef\xbb\xbf{"lang":"python","code":"print(1)"}', b"byte order mark"),
    "UTF-16": ('{"lang":"python","code":"print(1)"}'.encode("utf-16"), b"UTF-8"),
    "UTF-32": ('{"lang":"python","code":"print(1)"}'.encode("utf-32"), b"UTF-8"),
    "raw NUL": (b'{"lang":"python","code":"print(1)\x00"}', b"control character"),
    "raw newline in a string": (b'{"lang":"python","code":"print(1)\nprint(2)"}', b"control character"),
    "empty": (b"", b"Expecting value"),
    "truncated": (b'{"lang":"python","code":', b"Expecting value"),
    "trailing data": (b'{"lang":"python","code":"1"} {"x":1}', b"Extra data"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_body_that_is_not_json_is_a_specific_400(open_server, name):
    body, reason = CASES[name]
    out = raw(open_server.url, request("POST", "/v1/run", [("Host", open_server.url.removeprefix("http://")),
                                                           ("Content-Type", "application/json"),
                                                           ("Content-Length", str(len(body)))], body))
    assert status(out) == 400 and b'"malformed_json"' in out and reason in out, out[:400]
    assert not host_details(out), out[:400]


def test_escaped_nul_and_non_ascii_text_are_json(open_server):
    body = '{"lang":"python","code":"print(\'café ☃\')","stdin":"\\u0000"}'.encode()
    out = raw(open_server.url, request("POST", "/v1/run", [("Host", open_server.url.removeprefix("http://")),
                                                           ("Content-Type", "application/json"),
                                                           ("Content-Length", str(len(body)))], body))
    assert status(out) == 200 and "café ☃\\n".encode() in out, out[:400]
