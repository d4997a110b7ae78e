# Tries: flooding the run endpoint with many more concurrent requests than there are slots and queue
# places: the runs admitted at once must never exceed workers + queue, every other request must get a
# 429 with a Retry-After at once (not wait in an unbounded queue), and the server must answer after.
# Published: OWASP API Security Top 10 2023, API4 Unrestricted Resource Consumption; RFC 6585
# section 4 (429 Too Many Requests, Retry-After).
import asyncio

from .conftest import QUEUE, WORKERS, httpx

SLOW = {"lang": "python", "code": "import time\ntime.sleep(1.5)\nprint('slept')", "timeout": 30}


def test_a_flood_is_bounded_and_answered_429(open_server):
    async def flood():
        async with httpx.AsyncClient(base_url=open_server.url, timeout=120,
                                     limits=httpx.Limits(max_connections=40)) as c:
            return await asyncio.gather(*(c.post("/v1/run", json=SLOW) for _ in range(30)))

    responses = asyncio.run(flood())
    codes = [r.status_code for r in responses]
    assert set(codes) <= {200, 429}, codes
    assert 1 <= codes.count(200) <= WORKERS + QUEUE + WORKERS * 2, codes  # a slot freed mid-flood may be reused
    assert codes.count(429) >= 30 - (WORKERS + QUEUE) * 3, codes
    for r in responses:
        if r.status_code == 429:
            assert 1 <= int(r.headers["retry-after"]) <= 60 and r.json()["error"]["type"] == "queue_full"
    h = httpx.get(open_server.url + "/healthz").json()
    assert h["active"] == 0 and h["waiting"] == 0, h
