# Tries: DNS rebinding against a --no-auth server on 127.0.0.1: a page on evil.example rebinds its
# name to 127.0.0.1, so the browser sends `Host: evil.example:PORT`; and the Host spellings that
# could pass a loose "is it loopback?" test (userinfo, a trailing dot, 127.1, 0x7f000001,
# sub.localhost, IPv4-mapped IPv6, an extra :port, an absolute request target, X-Forwarded-Host/For,
# an empty or missing Host).
# Published: MCP spec, Transports, Security Warning (2025-11-25) and the MCP Python SDK advisory
# "does not enable DNS rebinding protection by default" (advisories.gitlab.com/pkg/pypi/mcp);
# ToolUniverse GHSA-vx97-q3mm-h3r9 (DNS rebinding to a local python_code_executor MCP tool);
# Transmission CVE-2018-5702 (Tavis Ormandy: DNS rebinding to a localhost JSON-RPC daemon).
import pytest

from .conftest import raw, request, status

REFUSED_HOSTS = ["evil.example", "evil.example:{port}", "127.0.0.1@evil.example", "localhost.", "127.1",
                 "0x7f000001", "evil.localhost", "[::ffff:7f00:1]x", "localhost:80:evil", "[::1]evil", "",
                 "127.0.0.1.nip.io:{port}"]


@pytest.mark.parametrize("host", REFUSED_HOSTS)
def test_a_host_that_is_not_loopback_is_refused(open_server, host):
    port = open_server.url.rsplit(":", 1)[1]
    out = raw(open_server.url, request("GET", "/v1/policy", [("Host", host.format(port=port))]))
    assert status(out) in (400, 403), out[:300]
    assert b'"modules"' not in out


def test_forwarding_headers_do_not_make_a_request_loopback(open_server):
    headers = [("Host", "evil.example"), ("X-Forwarded-For", "127.0.0.1"), ("X-Forwarded-Host", "localhost"),
               ("X-Real-IP", "127.0.0.1"), ("Forwarded", "for=127.0.0.1;host=localhost")]
    assert status(raw(open_server.url, request("GET", "/v1/policy", headers))) == 403


def test_an_absolute_target_does_not_replace_the_host(open_server):
    out = raw(open_server.url, b"GET http://127.0.0.1/v1/policy HTTP/1.1\r\nHost: evil.example\r\n\r\n")
    assert status(out) == 403


def test_http_1_0_without_a_host_is_refused(open_server):
    out = raw(open_server.url, b"GET /v1/policy HTTP/1.0\r\n\r\n")
    assert status(out) == 403 and b'"Host"' in out


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}",
                                  "127.0.0.1"])
def test_loopback_names_are_answered(open_server, host):
    port = open_server.url.rsplit(":", 1)[1]
    out = raw(open_server.url, request("GET", "/v1/policy", [("Host", host.format(port=port))]))
    assert status(out) == 200 and b'"modules"' in out
