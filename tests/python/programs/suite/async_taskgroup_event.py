import asyncio

async def main():
    ev = asyncio.Event()
    log = []
    async def waiter(name):
        await ev.wait()
        log.append(name)
    async def setter():
        await asyncio.sleep(0.001)
        ev.set()
    async with asyncio.TaskGroup() as tg:
        for n in "xyz":
            tg.create_task(waiter(n))
        tg.create_task(setter())
    print(sorted(log))
    try:
        async with asyncio.TaskGroup() as tg:
            async def boom():
                raise ValueError("bad")
            tg.create_task(boom())
    except ExceptionGroup as eg:
        print("group", [str(e) for e in eg.exceptions])

asyncio.run(main())
