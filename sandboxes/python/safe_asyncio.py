"""asyncio for the program: the library's tasks, futures, queues and locks on an event loop of the
sandbox's, which runs inside the run and has nothing but the clock to wait for.

The loop (``SandboxLoop``) is asyncio's ``BaseEventLoop`` with a "selector" that only sleeps, up to
the run's deadline (a program waiting on nothing ends ``timeout``, where CPython would hang). Every
way out of the process is refused: executors and ``to_thread`` (threads), sockets, pipes, subprocesses,
DNS, signal handlers, and debug mode (its stacks carry the host's file names). Each turn of the loop
checks the run's deadline and stop, so asyncio's own Python code cannot outlive the run. Errors the
loop reports (an exception in a callback, a task's exception never retrieved) go to the run's stderr,
never to the host's logging.

A program never gets a loop from asyncio's global policy: while it runs, the thread's running loop is
a parked ``SandboxLoop`` (``park``), so ``asyncio.Future()`` or ``gather()`` outside ``asyncio.run``
bind to it instead of creating the host's default loop (a socket pair, and state of the host's main
thread); ``asyncio.run`` unparks it for the time of its own loop. A task's frames stay out of reach
(``Task.get_stack``/``print_stack``: ``guards``; ``cr_frame``: the attribute rules).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from asyncio import events
from asyncio.runners import _cancel_all_tasks  # type: ignore[attr-defined]
from typing import Any

from .guards import SandboxStop, TimeoutStop, current, note_host_classes

# Members of the facade. Left out: new_event_loop/get_event_loop/set_event_loop/Runner and the policies
# (the host's loops), to_thread/run_in_executor/run_coroutine_threadsafe (threads),
# open_connection/start_server/streams/subprocess (sockets, processes), the debug switches.
ALLOWED = """run sleep gather wait wait_for as_completed shield create_task ensure_future current_task all_tasks
    get_running_loop iscoroutine iscoroutinefunction isfuture Task Future Queue PriorityQueue LifoQueue QueueEmpty
    QueueFull Event Lock Semaphore BoundedSemaphore Condition Barrier BrokenBarrierError CancelledError TimeoutError
    InvalidStateError timeout timeout_at Timeout TaskGroup FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED"""


def _state() -> Any:
    guards = current.get(None)
    if guards is None:
        raise RuntimeError("asyncio is only available while the program runs")
    return guards.state


class _Clock:
    """The loop's selector: nothing to select, only the time to wait, bounded by the run's deadline."""

    def select(self, timeout: float | None) -> list[Any]:
        state = _state()
        if timeout is not None and timeout <= 0:
            return []
        end = None if timeout is None else time.monotonic() + timeout
        if state.deadline is not None and (end is None or end > state.deadline):
            state.sleep(max(0.0, state.deadline - time.monotonic()))
            raise state.halt(TimeoutStop, "deadline exceeded while the event loop waited")
        state.sleep(max(0.0, end - time.monotonic()))  # type: ignore[operator]
        return []

    def close(self) -> None:
        pass


def _refused(what: str) -> Any:
    def refuse(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{what} is not available in the sandbox (no threads, sockets, pipes, "
                                  "processes or signals)")
    refuse.__name__ = refuse.__qualname__ = what
    return refuse


class SandboxLoop(asyncio.BaseEventLoop):
    """asyncio's event loop with nothing outside the run to wait for (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self._selector = _Clock()
        self._debug = False
        self.set_exception_handler(_report)

    def _process_events(self, event_list: Any) -> None:
        pass

    def _write_to_self(self) -> None:
        pass

    def _run_once(self) -> None:
        state = _state()
        if state.check() is not None:
            raise (state.stop or TimeoutStop)(state.stop_detail)
        super()._run_once()  # type: ignore[misc]

    def default_exception_handler(self, context: dict[str, Any]) -> None:
        """asyncio's writes to the host's logging (program-chosen text, uncapped): the run's stderr instead."""
        _report(self, context)

    def set_debug(self, enabled: bool) -> None:
        if enabled:
            raise NotImplementedError("asyncio debug mode is not available in the sandbox")

    def get_debug(self) -> bool:
        return False

    for _name in ("run_in_executor", "set_default_executor", "getaddrinfo", "getnameinfo", "create_connection",
                  "create_server", "create_unix_connection", "create_unix_server", "create_datagram_endpoint",
                  "connect_accepted_socket", "connect_read_pipe", "connect_write_pipe", "subprocess_exec",
                  "subprocess_shell", "sendfile", "start_tls", "sock_recv", "sock_recv_into", "sock_recvfrom",
                  "sock_recvfrom_into", "sock_sendall", "sock_sendto", "sock_connect", "sock_accept",
                  "sock_sendfile", "add_reader", "remove_reader", "add_writer", "remove_writer",
                  "add_signal_handler", "remove_signal_handler", "_make_socket_transport",
                  "_make_ssl_transport", "_make_datagram_transport", "_make_read_pipe_transport",
                  "_make_write_pipe_transport", "_make_subprocess_transport"):
        locals()[_name] = _refused(_name)
    del _name


SandboxLoop.__module__ = "asyncio.unix_events"  # as CPython's loop shows itself (repr, type)
SandboxLoop.__qualname__ = SandboxLoop.__name__ = "_UnixSelectorEventLoop"


def _report(loop: Any, context: dict[str, Any]) -> None:
    """The loop's exception handler: CPython's message and the exception's last line, on the run's stderr."""
    exc = context.get("exception")
    if isinstance(exc, SandboxStop):
        return
    guards = current.get(None)
    if guards is None or guards.state.finished:
        return  # a task collected after its run: nobody to tell
    text = str(context.get("message") or "Unhandled exception in event loop")
    if exc is not None:
        detail = str(exc)
        text += f"\n{type(exc).__name__}: {detail}" if detail else f"\n{type(exc).__name__}"
    with contextlib.suppress(SandboxStop):  # the run's output limit: its verdict, not the loop's
        guards.state.write(text + "\n", True)


def park() -> tuple[Any, Any]:
    """Make a parked SandboxLoop the thread's running loop for the run; returns what ``unpark`` needs."""
    previous = events._get_running_loop()
    parked = SandboxLoop()
    events._set_running_loop(parked)
    return previous, parked


def unpark(token: tuple[Any, Any]) -> None:
    previous, parked = token
    events._set_running_loop(previous)
    with contextlib.suppress(Exception):  # a program may have closed it or left it half-used
        parked.close()


def run(main: Any, *, debug: Any = None) -> Any:
    """asyncio.run: ``main`` on a new SandboxLoop; tasks left are cancelled, async generators closed."""
    running = events._get_running_loop()
    if running is not None and running.is_running():
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not asyncio.iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    if debug:
        main.close()
        raise NotImplementedError("asyncio debug mode is not available in the sandbox")
    loop = SandboxLoop()
    events._set_running_loop(None)
    try:
        task = loop.create_task(main)
        return loop.run_until_complete(task)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            events._set_running_loop(running)


def members() -> dict[str, Any]:
    out = {name: getattr(asyncio, name) for name in ALLOWED.split() if hasattr(asyncio, name)}
    out["run"] = run
    note_host_classes(v for v in out.values() if isinstance(v, type))
    return out
