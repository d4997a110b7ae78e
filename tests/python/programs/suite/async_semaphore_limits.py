import asyncio

async def worker(i, sem, state):
    async with sem:
        state["active"] += 1
        state["peak"] = max(state["peak"], state["active"])
        await asyncio.sleep(0.001)
        state["active"] -= 1
        return i * 10

async def main():
    sem = asyncio.Semaphore(3)
    state = {"active": 0, "peak": 0}
    res = await asyncio.gather(*(worker(i, sem, state) for i in range(10)))
    print(res, state["peak"] <= 3)
    lock = asyncio.Lock()
    counter = 0
    async def inc():
        nonlocal counter
        async with lock:
            v = counter
            await asyncio.sleep(0)
            counter = v + 1
    await asyncio.gather(*(inc() for _ in range(20)))
    print(counter)

asyncio.run(main())
