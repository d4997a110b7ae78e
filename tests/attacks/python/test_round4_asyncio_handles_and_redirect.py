# round-4 red team: a task's get_coro().cr_frame, loop._ready, a call_soon handle's _callback, and
# redirect_stdout followed by a write past the output cap.
import pytest

PRIVATE_PAYLOADS = [
    "import asyncio\nasync def f(): pass\nasync def m():\n    t = asyncio.ensure_future(f())\n"
    "    print(t.get_coro().cr_frame)\nasyncio.run(m())",
    "import asyncio\nasync def m():\n    print(asyncio.get_running_loop()._ready)\nasyncio.run(m())",
    "import asyncio\nasync def m():\n    h = asyncio.get_running_loop().call_soon(print, 1)\n"
    "    print(h._callback, h._args)\nasyncio.run(m())",
]


@pytest.mark.parametrize("code", PRIVATE_PAYLOADS)
def test_loop_internals_unreachable(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"})
    assert "frame" not in r.stdout and "deque" not in r.stdout and "built-in" not in r.stdout


def test_redirect_stdout_then_write_past_cap(guest):
    r = guest.run("import contextlib, io, sys\nwith contextlib.redirect_stdout(io.StringIO()):\n    pass\n"
                  "sys.stdout.write('x' * 10 ** 7)")
    guest.contained(r, {"output_limit"})
    assert len(r.stdout) <= 2 * 1024 * 1024
