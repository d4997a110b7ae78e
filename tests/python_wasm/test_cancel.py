"""Cancelling a wasm Python run (``arun``'s task cancelled) stops the guest at once, in either isolation.

In process, the run's control must reach the big-stack thread the guest runs on, and the store must
check it (the epoch callback Go's runs have): before that, a cancelled busy loop ran on to its deadline
on that thread, burning a core, and the cancelled task waited ``arun``'s 5 s settle for it. In a worker,
the worker must stop the run itself: before, it ignored the cancel and was killed after the grace period
(and replaced, which reloads the snapshot). Bounds are generous; each test prints what it measured.
"""

from __future__ import annotations

import asyncio
import os
import time

import pytest

import sandboxes
from tests.python_wasm import wasmhelp

FOREVER = {"busy": "while True:\n    pass\n", "sleep": "import time\ntime.sleep(3600)\n"}
WITHIN_S = 0.5  # the cancel's answer (the goal is well under 100 ms; before the fix: 5 s in process, 0.5 s in a worker)
ATTEMPTS = 3  # a timing goal is met if one of this many tries meets it (a shared, loaded machine)
QUIET_S = 0.5  # the window after the cancel in which the CPU the run's process uses is measured


@pytest.fixture(scope="module")
def boxes():
    made = {where: sandboxes.Sandbox(wasmhelp.make_policy(isolation=where)) for where in ("inprocess", "worker")}
    for sb in made.values():
        assert sb.run("python", "print(1)").stdout == "1\n"
    yield made
    for sb in made.values():
        sb.close()


def _worker_pids(sb: sandboxes.Sandbox) -> set[int]:
    return {w.proc.pid for w in sb._backends["python"]._impl.idle}  # type: ignore[attr-defined]


def _cpu_s(pid: int | None) -> float:
    """CPU seconds used so far by this process (``None``) or by process ``pid`` (0 once it is gone: a
    killed worker burns nothing, and the test sees it replaced)."""
    if pid is None:
        return time.process_time()
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cancel(sb: sandboxes.Sandbox, code: str, pid: int | None) -> tuple[float, float]:
    """Cancel at 0.3 s a run of ``code`` (timeout=10): the seconds until the cancelled task ended, and the
    CPU seconds process ``pid`` (this one for ``None``) used in the QUIET_S after it."""
    async def main() -> tuple[float, float]:
        task = asyncio.create_task(sb.arun("python", code, timeout=10))
        await asyncio.sleep(0.3)
        t = time.perf_counter()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        took = time.perf_counter() - t
        cpu = _cpu_s(pid)
        await asyncio.sleep(QUIET_S)
        return took, _cpu_s(pid) - cpu

    return asyncio.run(main())


@pytest.mark.parametrize("program", sorted(FOREVER))
@pytest.mark.parametrize("where", ["inprocess", "worker"])
def test_a_cancel_stops_the_guest_at_once_and_nothing_runs_on(boxes, where, program):
    sb = boxes[where]
    before = _worker_pids(sb) if where == "worker" else set()
    tries = []
    for _ in range(ATTEMPTS):
        pids = _worker_pids(sb) if where == "worker" else {None}
        assert len(pids) == 1, pids
        took, cpu = _cancel(sb, FOREVER[program], pids.pop())
        tries.append((took, cpu))
        if took < WITHIN_S and cpu < QUIET_S / 5:
            break
    print(f"{where} {program}: cancel answered in, and CPU used in the {QUIET_S} s after it: "
          + ", ".join(f"{t * 1000:.0f} ms / {c * 1000:.0f} ms" for t, c in tries))
    assert min(t for t, _ in tries) < WITHIN_S, tries
    assert min(c for _, c in tries) < QUIET_S / 5, tries  # a guest left running burns a core (half of one, loaded)
    nxt = sb.run("python", "print('next')")
    assert nxt.ok and nxt.stdout == "next\n", nxt
    if where == "worker":  # the worker stopped the run itself: it was not killed and replaced
        assert _worker_pids(sb) == before


@pytest.mark.parametrize("where", ["inprocess", "worker"])
def test_output_streams_while_the_guest_runs(boxes, where):
    """The same control carries ``on_output``: what the guest writes reaches the caller as it writes it
    (before, the whole output came with the Result), and a run after a cancelled one is not cancelled."""
    sb = boxes[where]
    _cancel(sb, FOREVER["busy"], None)  # the cancel's wiring is per run

    async def main() -> tuple[sandboxes.Result, list[tuple[float, str, str]], float]:
        got: list[tuple[float, str, str]] = []
        t0 = time.perf_counter()
        r = await sb.arun("python", "import time\nprint('first', flush=True)\ntime.sleep(0.5)\nprint('second')\n",
                          on_output=lambda stream, text: got.append((time.perf_counter() - t0, stream, text)))
        return r, got, time.perf_counter() - t0

    r, got, total = asyncio.run(main())
    print(f"{where}: first chunk at {got[0][0] * 1000:.0f} ms of a {total * 1000:.0f} ms run: {got}")
    assert r.ok and r.stdout == "first\nsecond\n", r
    assert got[0][1:] == ("stdout", "first\n")
    assert got[0][0] < total - 0.3  # before the program's sleep ended, not with its Result
    assert "".join(t for _, s, t in got if s == "stdout") == r.stdout
