import asyncio
import sys

async def fetch(name, delay):
    await asyncio.sleep(delay / 1000)
    return f"{name}:{delay}"

async def main():
    jobs = [line.split() for line in sys.stdin if line.strip()]
    tasks = [asyncio.create_task(fetch(n, int(d))) for n, d in jobs]
    print(await asyncio.gather(*tasks))
    done = []
    for coro in asyncio.as_completed([fetch(n, int(d)) for n, d in jobs]):
        done.append((await coro).split(":")[0])
    print(sorted(done))
    done_set, pending = await asyncio.wait([asyncio.create_task(fetch("w", 1))], timeout=1)
    print(len(done_set), len(pending))

asyncio.run(main())
