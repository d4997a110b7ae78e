# Tries: DNS rebinding and cross-origin calls against `sandboxes mcp --http --no-auth` on a loopback
# address the MCP SDK's own protection does not cover (it is switched on for the exact host strings
# 127.0.0.1, localhost and ::1 only: on 127.0.0.2, with no token, nothing checked the Origin); a
# foreign Host; `Origin: null`; and with a token, a foreign Origin.
# Published: MCP spec, Transports, Security Warning: "Servers MUST validate the Origin header on all
# incoming connections ... If the Origin header is present and invalid, servers MUST respond with
# HTTP 403 Forbidden"; MCP Ruby SDK GHSA-rjr6-rcgv-9m7m and Google MCP Toolbox CVE-2026-11624
# (streamable HTTP without Host/Origin validation, CWE-346).
import sys

import pytest

from tests.server.conftest import free_port

from .conftest import raw, request, serve, status

pytest.importorskip("mcp")

INIT = (b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
        b'"capabilities":{},"clientInfo":{"name":"attack","version":"1"}}}')


def post(server, headers):
    base = [("Host", server.url.removeprefix("http://")), ("Content-Type", "application/json"),
            ("Accept", "application/json, text/event-stream"), ("Content-Length", str(len(INIT)))]
    names = {k.lower() for k, _ in headers}
    return raw(server.url, request("POST", "/mcp", [h for h in base if h[0].lower() not in names] + headers, INIT))


@pytest.fixture(scope="module")
def mcp_127_0_0_2(tmp_path_factory):
    if not sys.platform.startswith("linux"):
        pytest.skip("127.0.0.2 is a loopback address on Linux only")
    with serve(["mcp", "--http"], tmp_path_factory.mktemp("mcp2"), ready_path="/mcp", auth=False,
               host="127.0.0.2") as served:
        yield served


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.2:1", "http://localhost"])
def test_a_foreign_origin_is_refused_without_a_token(mcp_127_0_0_2, origin):
    out = post(mcp_127_0_0_2, [("Origin", origin)])
    assert status(out) == 403 and b"serverInfo" not in out, out[:300]


def test_a_foreign_host_is_refused_without_a_token(mcp_127_0_0_2):
    out = post(mcp_127_0_0_2, [("Host", f"evil.example:{free_port()}")])
    assert status(out) == 403 and b"serverInfo" not in out, out[:300]


def test_no_origin_or_its_own_is_answered(mcp_127_0_0_2):
    assert b"serverInfo" in post(mcp_127_0_0_2, [])
    assert b"serverInfo" in post(mcp_127_0_0_2, [("Origin", mcp_127_0_0_2.url)])


def test_with_a_token_a_foreign_origin_is_refused(tmp_path):
    with serve(["mcp", "--http"], tmp_path, ready_path="/mcp") as server:
        out = post(server, [("Origin", "http://evil.example"), ("Authorization", f"Bearer {server.token}")])
        assert status(out) == 403 and b"serverInfo" not in out, out[:300]
        assert b"serverInfo" in post(server, [("Authorization", f"Bearer {server.token}")])
