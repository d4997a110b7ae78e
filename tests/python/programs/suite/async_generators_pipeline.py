import asyncio

async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)

async def squares(src):
    async for x in src:
        yield x * x

class Timer:
    async def __aenter__(self):
        print("start")
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("stop", exc_type)
        return False

async def main():
    async with Timer():
        print([v async for v in squares(ticker(5))])
        total = 0
        async for v in ticker(4):
            total += v
        print(total)

asyncio.run(main())
