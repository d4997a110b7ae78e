# Tries: opening MCP sessions (an initialize each, about 400 a second) and never closing them: each
# holds a transport, a task and ~40 kB for the SDK's 30-minute idle timeout, up to its default of
# 10,000 sessions (~400 MB). Sessions are now bounded by --max-connections (512 by default): beyond,
# the SDK answers 503 "Too many open sessions", and a session deleted by its client frees its place.
# Published: OWASP API Security Top 10 2023, API4 Unrestricted Resource Consumption; MCP spec,
# Transports, Session Management (servers may terminate sessions; clients DELETE them).
import pytest

from .conftest import httpx, serve

pytest.importorskip("mcp")

INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "attack", "version": "1"}}}
HEADERS = {"Accept": "application/json, text/event-stream"}
LIMIT = 6


def test_sessions_are_bounded_and_freed(tmp_path):
    with serve(["mcp", "--http", "--max-connections", str(LIMIT)], tmp_path, ready_path="/mcp", auth=False) as server:
        url = server.url + "/mcp"
        with httpx.Client(timeout=60) as c:
            sessions = []
            for _ in range(LIMIT):
                r = c.post(url, json=INIT, headers=HEADERS)
                assert r.status_code == 200, r.text
                sessions.append(r.headers["mcp-session-id"])
            r = c.post(url, json=INIT, headers=HEADERS)
            assert r.status_code == 503 and "sessions" in r.text, r.text
            assert c.delete(url, headers={**HEADERS, "mcp-session-id": sessions[0]}).status_code in (200, 204)
            r = c.post(url, json=INIT, headers=HEADERS)
            assert r.status_code == 200 and r.headers["mcp-session-id"] not in sessions, r.text
