# Attack: run guest code after the run ended: a __del__ (refused in class bodies, so smuggled in through
# the 3-argument type() or an enum's functional API) on an object kept alive by a reference cycle, so the
# garbage collector runs it later, in the host, maybe during another run; also weakref-free tricks with
# generators' finally blocks.
# Published: RestrictedPython issue "__del__ runs outside the sandbox's control"; pyjail write-ups using
# __del__ for deferred execution; this project's brief (`enum` functional API with `__del__`, `__del__`
# running after the run).
import gc

import pytest

PAYLOADS = [
    "D = type('D', (), {'__del__': lambda self: print('LATE')})\nd = D()\nd.me = d",
    "import enum\nE = enum.Enum('E', {'A': 1, '__del__': lambda self: print('LATE')})\nx = E.A",
    "class B:\n    pass\nD = type('D', (B,), {'__del__': lambda self: [0 for _ in iter(int, 1)]})\nd = D()\nd.me = d",
    "def g():\n    try:\n        yield 1\n    finally:\n        print('LATE')\nx = g()\nnext(x)\nholder = [x]\nholder.append(holder)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_nothing_runs_after_the_run(guest, code, capfd):
    r = guest.run(code)
    guest.contained(r, {"ok", "error", "violation"}, forbidden=["LATE"])
    gc.collect()
    r2 = guest.run("print('second run')\nx = [i for i in range(100000)]\nprint(len(x))")
    gc.collect()
    guest.contained(r2, {"ok"}, forbidden=["LATE"])
    assert r2.stdout == "second run\n100000\n"
    out, err = capfd.readouterr()
    assert "LATE" not in out + err, "guest code ran after its run and wrote to the host's stdout/stderr"
