# Attack: asyncio as a way out of the run. The event loop is where Python reaches threads
# (run_in_executor, to_thread), sockets and DNS (create_connection, getaddrinfo, sock_*), processes
# (subprocess_exec), signal handlers, the host's default loop (a Future made outside asyncio.run asks
# the global policy for one: a socket pair, and state of the host's main thread), debug mode (stacks
# with the host's file names), and a task's frames (Task.get_stack / print_stack, coroutine cr_frame).
# Published: pyjail write-ups reaching frames through generators and coroutines (gi_frame/cr_frame ->
# f_globals/f_back); "asyncio run_in_executor" gadgets to get a thread outside an audit hook.
import pytest

PAYLOADS = [
    # threads
    ("import asyncio\nasync def m():\n"
     "    return await asyncio.get_running_loop().run_in_executor(None, print, 'REACHED')\n"
     "asyncio.run(m())", {"error"}),
    ("import asyncio\nasync def m():\n    asyncio.get_running_loop().set_default_executor(object())\nasyncio.run(m())",
     {"error"}),
    ("import asyncio\nprint(asyncio.to_thread)", {"error"}),
    # sockets, DNS, processes, signals
    ("import asyncio\nasync def m():\n    await asyncio.get_running_loop().getaddrinfo('127.0.0.1', 80)\n"
     "    print('REACHED')\nasyncio.run(m())", {"error"}),
    ("import asyncio\nasync def m():\n    await asyncio.get_running_loop().create_connection(object, '127.0.0.1', 1)\n"
     "asyncio.run(m())", {"error"}),
    ("import asyncio\nasync def m():\n    await asyncio.get_running_loop().subprocess_exec(object, 'id')\n"
     "asyncio.run(m())", {"error"}),
    ("import asyncio\nasync def m():\n    asyncio.get_running_loop().add_signal_handler(2, print)\nasyncio.run(m())",
     {"error"}),
    ("import asyncio\nprint(asyncio.open_connection, asyncio.create_subprocess_exec)", {"error"}),
    ("import asyncio\nprint(asyncio.new_event_loop(), asyncio.get_event_loop_policy())", {"error"}),
    # debug mode and frames
    ("import asyncio\nasync def m():\n    asyncio.get_running_loop().set_debug(True)\n    print('REACHED')\n"
     "asyncio.run(m())", {"error"}),
    ("import asyncio\nasyncio.run(asyncio.sleep(0), debug=True)\nprint('REACHED')", {"error"}),
    ("import asyncio\nasync def m():\n    t = asyncio.current_task()\n    print('REACHED', t.get_stack())\n"
     "asyncio.run(m())", {"violation"}),
    ("import asyncio\nasync def m():\n    asyncio.current_task().print_stack()\n    print('REACHED')\n"
     "asyncio.run(m())", {"violation"}),
    ("import asyncio\nasync def m():\n    t = asyncio.current_task()\n"
     "    print('REACHED', super(type(t), t).get_stack())\n"
     "asyncio.run(m())", {"violation"}),
    ("import asyncio\nasync def m():\n    t = asyncio.current_task()\n"
     "    print('REACHED', getattr(type(t), 'get_stack')(t))\n"
     "asyncio.run(m())", {"violation"}),
    ("import asyncio\nasync def m():\n    print('REACHED', asyncio.current_task().get_coro().cr_frame)\n"
     "asyncio.run(m())", {"violation"}),
    ("import asyncio\nasync def m():\n    c = asyncio.current_task().get_coro()\n"
     "    print('REACHED', getattr(c, 'cr_' + 'frame'))\n"
     "asyncio.run(m())", {"violation"}),
    ("import asyncio\nasync def m():\n    print('REACHED', asyncio.get_running_loop()._selector)\nasyncio.run(m())",
     {"error"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_loop_internals_are_refused(guest, code, statuses):
    r = guest.run(code)
    guest.contained(r, statuses, forbidden=["REACHED"])


def test_a_future_outside_asyncio_run_never_makes_the_hosts_default_loop(guest):
    # asyncio.Future() / gather() / ensure_future() outside a running loop ask the global policy for
    # the thread's default loop (a socket pair; the host's main thread's state): they get the run's
    # parked loop instead, which cannot be run by hand.
    code = ("import asyncio\nf = asyncio.Future()\nprint(type(f.get_loop()).__name__)\n"
            "g = asyncio.gather(asyncio.sleep(0))\n"
            "try:\n    f.get_loop().run_until_complete(g)\nexcept RuntimeError as e:\n    print('RuntimeError', e)\n"
            "print(asyncio.run(asyncio.sleep(0, 'ran')))\n")
    r = guest.run(code)
    guest.contained(r, {"ok"})
    assert r.stdout == ("_UnixSelectorEventLoop\nRuntimeError Cannot run the event loop while another loop is "
                        "running\nran\n"), r.stderr
    import asyncio
    assert asyncio.events._get_running_loop() is None  # the host thread's running loop is back as it was


@pytest.mark.parametrize("code", [
    # a loop that waits on nothing, forever (CPython would hang): the deadline ends it
    "import asyncio\nasync def m():\n    await asyncio.Future()\nasyncio.run(m())",
    "import asyncio\nasync def m():\n    await asyncio.sleep(10**6)\nasyncio.run(m())",
    # callbacks rescheduling themselves with host callables only: every turn of the loop checks the run
    "import asyncio\nasync def m():\n    loop = asyncio.get_running_loop()\n"
    "    def again():\n        loop.call_soon(again)\n"
    "    loop.call_soon(again)\n    await asyncio.Future()\nasyncio.run(m())",
    # a callback swallowing the stop (the loop's handler catches BaseException)
    "import asyncio\nasync def m():\n    loop = asyncio.get_running_loop()\n    def spin():\n        while True:\n"
    "            pass\n    loop.call_soon(spin)\n    await asyncio.sleep(5)\nasyncio.run(m())",
])
def test_an_endless_event_loop_ends_at_the_deadline(guest, code):
    r = guest.run(code, timeout=0.5, wall=20)
    guest.contained(r, {"timeout"})


def test_loop_errors_go_to_the_runs_stderr_never_the_hosts_logging(guest, caplog):
    # BaseEventLoop.default_exception_handler logs program-chosen text on the host's 'asyncio' logger
    # (uncapped): here it is the run's stderr, within its output limit.
    code = ("import asyncio\nasync def m():\n    loop = asyncio.get_running_loop()\n"
            "    for i in range(3):\n        loop.default_exception_handler({'message': 'INJECTED' * 1000})\n"
            "    loop.set_exception_handler(None)\n    loop.call_exception_handler({'message': 'INJECTED2'})\n"
            "    loop.call_soon(lambda: 1 / 0)\n    await asyncio.sleep(0.01)\n    print('ok')\nasyncio.run(m())\n")
    with caplog.at_level("DEBUG", logger="asyncio"):
        r = guest.run(code)
    guest.contained(r, {"ok"})
    assert r.stdout == "ok\n" and "INJECTED2" in r.stderr and "ZeroDivisionError" in r.stderr
    assert not [rec for rec in caplog.records if rec.name == "asyncio"]
