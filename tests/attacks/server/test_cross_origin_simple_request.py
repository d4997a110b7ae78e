# Tries: cross-site request forgery from a browser page on another origin against a --no-auth server
# on 127.0.0.1 (the Host is right: the page targets http://127.0.0.1:PORT directly): "simple"
# requests a browser sends without a CORS preflight (text/plain, form-urlencoded and multipart
# bodies holding JSON, as fetch(..., {mode: "no-cors"}) and <form> send them), a JSON POST with an
# Origin (what a browser sends after a preflight, or that a browser bug lets through), `Origin: null`
# (sandboxed iframes, file:// pages), and the preflight itself (it must not be granted).
# Published: OWASP CSRF Prevention Cheat Sheet ("Verifying Origin with standard headers", JSON and
# text/plain); MCP Inspector CVE-2025-49596 (a page on any site drove a localhost proxy to run
# commands); Jupyter Server's security docs (its API checks the Origin of browser requests, allow_origin).
import pytest

from .conftest import raw, request, status

JOB = b'{"lang":"python","code":"print(6*7)"}'


def host(server):
    return server.url.removeprefix("http://")


@pytest.mark.parametrize("ctype", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; b=x",
                                   "text/plain; charset=application/json", "application/json-seq",
                                   "application/jsonx", ""])
def test_a_simple_request_body_never_runs(open_server, ctype):
    headers = [("Host", host(open_server)), ("Origin", "http://evil.example"), ("Content-Length", str(len(JOB)))]
    if ctype:
        headers.append(("Content-Type", ctype))
    out = raw(open_server.url, request("POST", "/v1/run", headers, JOB))
    assert status(out) in (403, 415) and b'"42\\n"' not in out, out[:300]


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1", "https://localhost",
                                    "http://localhost:{port}.evil.example", "file://", "http://[::1]:1"])
def test_a_json_post_from_another_origin_is_refused(open_server, origin):
    port = open_server.url.rsplit(":", 1)[1]
    headers = [("Host", host(open_server)), ("Origin", origin.format(port=port)),
               ("Content-Type", "application/json"), ("Content-Length", str(len(JOB)))]
    out = raw(open_server.url, request("POST", "/v1/run", headers, JOB))
    assert status(out) == 403 and b'"Origin"' in out and b'"42\\n"' not in out, out[:300]


def test_the_server_own_origin_is_answered(open_server):
    headers = [("Host", host(open_server)), ("Origin", open_server.url), ("Content-Type", "application/json"),
               ("Content-Length", str(len(JOB)))]
    out = raw(open_server.url, request("POST", "/v1/run", headers, JOB))
    assert status(out) == 200 and b'"42\\n"' in out, out[:300]


def test_a_preflight_is_never_granted(open_server, token_server):
    for server in (open_server, token_server):
        headers = [("Host", host(server)), ("Origin", "http://evil.example"),
                   ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type")]
        out = raw(server.url, request("OPTIONS", "/v1/run", headers))
        assert 400 <= status(out) < 500 and b"access-control-allow" not in out.lower(), out[:300]


def test_with_a_token_another_origin_is_refused_too(token_server):
    headers = [("Host", host(token_server)), ("Origin", "http://evil.example"),
               ("Authorization", f"Bearer {token_server.token}"), ("Content-Type", "application/json"),
               ("Content-Length", str(len(JOB)))]
    assert status(raw(token_server.url, request("POST", "/v1/run", headers, JOB))) == 403
