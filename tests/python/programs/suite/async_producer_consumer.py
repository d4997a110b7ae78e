import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(q, results):
    while True:
        item = await q.get()
        if item is None:
            break
        results.append(item * item)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(producer(q, 6), consumer(q, results))
    print(results)

asyncio.run(main())
