"""What a caller may do to a run while it goes on: watch its output, cancel it.

A ``RunControl`` is bound (a context variable) around one backend call by ``Sandbox._execute``.
A runtime or a worker pool that can stream or stop reads it with ``current()`` when the run
starts: it passes output to ``emit`` as the program writes it, and registers with ``on_cancel``
what stops the run (kill a worker child, terminate an isolate, halt the guest). Nothing here
imports an engine: ``import sandboxes`` stays light.

``emit`` is called from whichever thread writes the output, possibly from inside guest code:
it never raises, counts what it passes on against ``max_output_bytes`` (whoever called it), and
keeps what it passed on so that ``finish`` can pass on the rest of the final ``Result`` (output
a runtime does not stream arrives there, and the chunks add up to the Result's stdout/stderr).
"""

from __future__ import annotations

import contextvars
import logging
import threading
from typing import Callable, NamedTuple

from .result import Result, Status

log = logging.getLogger("sandboxes")

STREAMS = ("stdout", "stderr")
OutputCallback = Callable[[str, str], object]

_current: contextvars.ContextVar[RunControl | None] = contextvars.ContextVar("sandboxes_run_control",
                                                                             default=None)


class Chunk(NamedTuple):
    """A piece of a run's output as it was written: ``stream`` is ``"stdout"`` or ``"stderr"``."""

    stream: str
    text: str


def current() -> RunControl | None:
    """The control of the run this thread is executing, if its caller gave one."""
    return _current.get()


def _clean(text: str) -> str:
    """An exact ``str`` that encodes as UTF-8 (lone surrogates become U+FFFD, as in the Result)."""
    if type(text) is not str:
        text = str.__str__(text)  # a str subclass's own __str__ is never called
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


class RunControl:
    """The caller's hooks into one run. Thread-safe."""

    def __init__(self, on_output: OutputCallback | None = None, *, max_output_bytes: int | None = None) -> None:
        self.on_output = on_output
        self.max_output_bytes = max_output_bytes
        self.sent: dict[str, list[str]] = {"stdout": [], "stderr": []}
        self.sent_bytes = 0
        self.cancelled = False
        self._stops: list[Callable[[], object]] = []
        self._lock = threading.Lock()
        self._callback_failed = False

    @property
    def streaming(self) -> bool:
        return self.on_output is not None

    # -- output ----------------------------------------------------------------
    def emit(self, stream: str, text: str) -> None:
        """Pass on output as it is written. Never raises; past the output cap nothing more passes."""
        cb = self.on_output
        if cb is None or self._callback_failed or stream not in STREAMS or not text:
            return
        try:
            text = _clean(text)
            with self._lock:
                cap = self.max_output_bytes
                if cap is not None:
                    size = len(text.encode("utf-8"))
                    room = cap - self.sent_bytes
                    if room <= 0:
                        return
                    if size > room:
                        text = text.encode("utf-8")[:room].decode("utf-8", "ignore")
                        size = room
                    self.sent_bytes += size
                if not text:
                    return
                self.sent[stream].append(text)
            cb(stream, text)
        except Exception:  # noqa: BLE001 - the caller's callback must not break the run (or the guest)
            self._callback_failed = True
            log.exception("the on_output callback failed; no more output is passed to it for this run")

    @property
    def batched(self) -> bool:
        """Whether ``on_output`` holds output back to send it in batches (a worker's output frames):
        the runtime then calls ``flush`` now and then, so that what it holds is not kept through a
        quiet spell of the program."""
        return callable(getattr(self.on_output, "flush_due", None))

    def flush(self) -> None:
        """Have a batching ``on_output`` send what it held long enough. From the emitting thread; never raises."""
        flush_due = getattr(self.on_output, "flush_due", None)
        if flush_due is None or self._callback_failed:
            return
        try:
            flush_due()
        except Exception:  # noqa: BLE001 - as in emit
            self._callback_failed = True
            log.exception("the on_output callback failed; no more output is passed to it for this run")

    def finish(self, stdout: str, stderr: str) -> None:
        """After the run: pass on what the final output holds beyond what was streamed."""
        for stream, final in (("stdout", stdout), ("stderr", stderr)):
            with self._lock:
                done = "".join(self.sent[stream])
            if final.startswith(done) and len(final) > len(done):
                self.emit(stream, final[len(done):])

    # -- cancelling ------------------------------------------------------------
    def on_cancel(self, stop: Callable[[], object]) -> Callable[[], None]:
        """Call ``stop`` when the run is cancelled (at once if it already is); returns its remover."""
        with self._lock:
            already = self.cancelled
            if not already:
                self._stops.append(stop)
        if already:
            _call(stop)

        def remove() -> None:
            with self._lock:
                if stop in self._stops:
                    self._stops.remove(stop)

        return remove

    def cancel(self) -> None:
        """Stop the run: every registered stop is called once. Idempotent; never raises."""
        with self._lock:
            if self.cancelled:
                return
            self.cancelled = True
            stops, self._stops = self._stops, []
        for stop in stops:
            _call(stop)

    # -- binding ---------------------------------------------------------------
    def bind(self) -> contextvars.Token[RunControl | None]:
        return _current.set(self)

    @staticmethod
    def unbind(token: contextvars.Token[RunControl | None]) -> None:
        _current.reset(token)


def cancelled_result(lang: str, detail: str = "cancelled before it started") -> Result:
    """The Result of a run its caller cancelled (an awaiting task sees ``CancelledError`` instead)."""
    return Result(lang, Status.ERROR, stderr="cancelled\n", exit_code=None,
                  extra={"stopped_by": "cancelled", "stop_detail": detail})


def _call(stop: Callable[[], object]) -> None:
    try:
        stop()
    except Exception:  # noqa: BLE001 - one failing stop must not keep the others from running
        log.exception("stopping a cancelled run failed")
