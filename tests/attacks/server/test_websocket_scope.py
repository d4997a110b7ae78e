# Tries: a WebSocket handshake to get past the Guard: it let every scope that was not "http" through
# to the application untouched (no token, no Host or Origin check). uvicorn speaks WebSocket as soon
# as a websockets or wsproto package is installed (`uvicorn[standard]` brings one), and a browser
# page of any origin may open a WebSocket to 127.0.0.1 without a preflight.
# Published: Christian Schneider, "Cross-Site WebSocket Hijacking" (2013); OWASP WSTG-CLNT-10
# (testing WebSockets: Origin checks).
import asyncio

from sandboxes.server._guard import Guard


def handshake(guard: Guard) -> list[dict]:
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send({"type": "websocket.accept"})

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        sent.append(message)

    guard.app = app
    scope = {"type": "websocket", "path": "/v1/run", "headers": [(b"host", b"evil.example"),
                                                                 (b"origin", b"http://evil.example")]}
    asyncio.run(guard(scope, receive, send))
    return sent


def test_a_websocket_never_reaches_the_application():
    for token in (None, "t" * 32):
        sent = handshake(Guard(None, token=token, max_body_bytes=1000))  # type: ignore[arg-type]
        assert sent == [{"type": "websocket.close", "code": 1008}], sent


def test_the_lifespan_still_reaches_it():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    async def nothing():
        return {}

    async def ignore(message):
        return None

    asyncio.run(Guard(app, token=None, max_body_bytes=None)({"type": "lifespan"}, nothing, ignore))
    assert seen == ["lifespan"]
