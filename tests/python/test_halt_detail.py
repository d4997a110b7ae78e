"""A stop and its detail change together: the watchdog's thread halts a run while the program's thread
may be switched in between, see the stop, end the run and write ``TimeoutError: <detail>``. The CI run
of 4e73df6 printed ``TimeoutError: `` (an empty detail) once in a batch test that way."""
import threading

from sandboxes import Status, run
from sandboxes.python import guards as G


class _Observed(G.RunState):
    """Records the detail at the moment ``stop`` is assigned: what another thread sees then."""

    def __setattr__(self, name, value):
        if name == "stop" and value is not None:
            self.__dict__.setdefault("seen", []).append(self.__dict__.get("stop_detail"))
        super().__setattr__(name, value)


def _state():
    return _Observed(deadline=None, max_output=None, memory_bytes=None, stdin="", max_items=100,
                     max_int_bits=1000)


def test_the_detail_is_there_when_the_stop_is():
    state = _state()
    exc = state.halt(G.TimeoutStop, "deadline exceeded")
    assert state.seen == ["deadline exceeded"]
    assert str(exc) == "deadline exceeded" and state.stop is G.TimeoutStop


def test_the_first_halt_wins_with_its_own_detail_across_threads():
    for _ in range(200):
        state = _state()
        barrier = threading.Barrier(2)

        def halt(kind, detail):
            barrier.wait()
            state.halt(kind, detail)

        a = threading.Thread(target=halt, args=(G.TimeoutStop, "deadline exceeded"))
        b = threading.Thread(target=halt, args=(G.MemoryLimitStop, "memory limit exceeded"))
        a.start(), b.start(), a.join(), b.join()
        assert (state.stop, state.stop_detail) in (
            (G.TimeoutStop, "deadline exceeded"), (G.MemoryLimitStop, "memory limit exceeded"))
        assert len(state.seen) == 1


def test_a_timed_out_run_says_why():
    for _ in range(3):
        res = run("python", "while True:\n    pass\n", timeout=0.2)
        assert res.status is Status.TIMEOUT
        assert res.stderr.endswith("TimeoutError: deadline exceeded\n"), res.stderr
