# Tries: flooding /v1/check (no program runs, so it looked free) with large programs whose check
# costs CPU (126 kB of Python tuples: 0.6 s each on an idle machine): checks were not admitted like runs, so
# they queued without bound in the server's thread pool, none was ever refused, and a flood of them
# delayed everything behind it. They now take a run slot: at most workers + queue, 429 beyond.
# Published: OWASP API Security Top 10 2023, API4 Unrestricted Resource Consumption ("operations
# that consume CPU ... without limits"); CWE-400.
import asyncio

from .conftest import QUEUE, WORKERS, httpx

BIG = "x = [" + ",".join(["(1,2)"] * 21000) + "]\n"  # 126 kB, under max_code_bytes: 0.6 s to check, idle


def test_a_check_flood_is_bounded(open_server):
    async def flood():
        async with httpx.AsyncClient(base_url=open_server.url, timeout=300,
                                     limits=httpx.Limits(max_connections=40)) as c:
            return await asyncio.gather(*(c.post("/v1/check", json={"lang": "python", "code": BIG})
                                          for _ in range(24)))

    codes = [r.status_code for r in asyncio.run(flood())]
    assert set(codes) <= {200, 429}, codes
    assert codes.count(429) >= 24 - (WORKERS + QUEUE) * 3, codes  # a slot freed mid-flood may be reused
    h = httpx.get(open_server.url + "/healthz").json()
    assert h["active"] == 0 and h["waiting"] == 0, h
    r = httpx.post(open_server.url + "/v1/check", json={"lang": "python", "code": "print(1)"})
    assert r.json() == {"ok": True, "violations": []}
