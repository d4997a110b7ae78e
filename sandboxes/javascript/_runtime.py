"""``JavaScriptRuntime``: each run in a fresh V8 context (mini-racer), pooled ahead of demand.

The default policy runs this runtime inside a confined worker process (``isolation: worker``):
some V8 built-ins abort the whole process instead of throwing (a FixedArray over V8's maximum
size, "Fatal JavaScript invalid size error", e.g. ``'x'.repeat(2 ** 28).split('')``; a
dictionary over its maximum capacity, "invalid table size"), and some never check for
termination (``Array.prototype.reverse`` on a sparse array of length 2**32-1 keeps its isolate
running after the timeout). In a worker the former becomes a Result and a new worker, the latter
retires the worker (``needs_restart``). In-process, both reach the host: use ``inprocess`` only
for trusted-shape code (e.g. known test harnesses) where latency matters more.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import threading
import time
from typing import Any

from .. import _control
from .._lifecycle import Closeable
from ..errors import ClosedError
from ..policy import JavaScriptPolicy, Limits
from ..result import Result, Status, Violation
from ._errors import _GUEST_FRAME, _LINE_BREAKS, GUEST_NAME, _fix_frame, translate
from ._imports import rewrite_imports, scan_imports

# V8's message for `await` where a classic script cannot have it. Such programs run as the body
# of an async function: module-like scoping (top-level declarations are not properties of the
# global object), as Node gives them when it runs code with top-level await as an ES module.
_TLA_MESSAGE = "only valid in async functions and the top level bodies of modules"
# ... and in strict mode, as modules are: `this` is undefined at the top level, an assignment to an
# undeclared name is a ReferenceError, `with` and legacy octal literals are syntax errors. (Unlike
# Node's ES modules, `require` stays available, and `arguments` is the wrapper's, empty.)
_STRICT = "'use strict';"
_FLAG_OUTPUT = 1
_FLAG_UNCAUGHT = 2
_FLAG_BUDGET = 4  # the prelude refused an allocation for the memory limit (never set by guest text)
_FLAG_EXIT = 8  # process.exit(code) was called: header[6] is the code
_FLAG_EXIT_LISTENERS = 16  # process.on('exit', ...): the 'exit' event is due at the end
_FLAG_EXIT_CODE = 32  # process.exitCode was set: header[6] is the code
_STOPPED = _FLAG_OUTPUT | _FLAG_UNCAUGHT | _FLAG_EXIT
_NO_TIMEOUT_S = 365 * 24 * 3600.0
# The prelude's refusal, as the first line of an uncaught error's report.
_REFUSAL = re.compile(
    r"^Uncaught RangeError: Array buffer allocation failed: \d+ bytes exceed the sandbox memory limit$", re.MULTILINE)
# Endings where V8 terminated the guest: the isolate may still be inside a builtin.
_TERMINATED = (Status.TIMEOUT, Status.MEMORY_LIMIT)
# What stopped the guest, said for the audit log (the output cap says its own size).
_STOP_DETAILS = {
    "v8-heap-limit": "V8 heap over memory_mb",
    "prelude-buffer-budget": "ArrayBuffer backing stores over memory_mb",
    "v8-termination": "V8 TerminateExecution at the deadline",
    "internal": "an engine call failed",
}
# Appended to the guest's script so that its completion value is `undefined` inside the isolate:
# the host never converts a value the guest chose (a Date out of Python's range, a lone
# surrogate, a BigInt, a 100 MB string copied out at 0.5 s). It starts with `const`, a reserved
# word that cannot continue any statement left open at the end of the code (`if (a)`, `x =`,
# `label:`), so code that does not parse alone does not parse with it either; it declares no name.
# Between the two, the script's nextTick callbacks run, as Node runs them when the script ends
# (before its promise jobs): from the script's top level, where `this` is the global object
# whatever the guest declared, through the entry point's one token-free operation (prelude.js).
_DISCARD_COMPLETION = "\nconst {{}} = 0;\nfor (let t; (t = this[{secret}](null, 'ticks')) !== undefined;) t();\nvoid 0\n"
# How long a worker waits for a terminated context to close before asking to be replaced.
STUCK_CLOSE_S = 0.25


class JavaScriptRuntime(Closeable):
    """Runs JavaScript in a fresh V8 isolate per run: pure V8, no Node APIs, no host callbacks.

    ``__init__`` is cheap; the engine and the context pool start on first use.
    """

    name = "javascript"

    def __init__(self, policy: JavaScriptPolicy, *, owns_process: bool = False) -> None:
        self.policy = policy
        # True in a confined worker: after a run that V8 had to terminate, the context is closed
        # before the result goes out, and if it cannot close (an isolate stuck in a builtin that
        # never checks for termination keeps running, and may later abort the whole process),
        # ``needs_restart`` asks the host for a fresh worker.
        self.owns_process = owns_process
        self.needs_restart = False
        self._guard: _MemoryGuard | None = None
        self._pool: Any = None
        self._lock = threading.Lock()
        self._closed = False

    def _memory_guard(self, limits: Limits) -> Any:
        """In a worker, a sampler of the process's resident memory during the run (or None)."""
        if not self.owns_process or limits.memory_mb is None or _STATM_FD is None:
            return None
        if self._guard is None:
            self._guard = _MemoryGuard()
        self._guard.allowance_mb = 2 * limits.memory_mb + RSS_SLACK_MB
        return self._guard

    @staticmethod
    def prepare_process() -> None:
        """In a worker about to confine itself: load the engine's files now, start no thread."""
        from ._engine import prepare_process

        prepare_process()
        global _STATM_FD
        try:  # opened now: after confinement (Landlock) /proc is out of reach
            _STATM_FD = os.open("/proc/self/statm", os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            _STATM_FD = None

    # ------------------------------------------------------------------ lifecycle


    def close(self) -> None:
        """Close every context this runtime holds. Idempotent."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def pool(self) -> Any:
        """The context pool (started on first use)."""
        with self._lock:
            if self._closed:
                raise ClosedError("this JavaScriptRuntime is closed")
            if self._pool is None:
                from ._engine import UNLIMITED_OUTPUT_BYTES, ContextPool

                limits = self.policy.limits
                self._pool = ContextPool(
                    self.policy.pool_size,
                    allow_wasm=self.policy.allow_wasm,
                    allow_shared_memory=self.policy.allow_shared_memory,
                    max_output_bytes=limits.max_output_bytes or UNLIMITED_OUTPUT_BYTES,
                    memory_mb=limits.memory_mb,
                )
            return self._pool

    # ------------------------------------------------------------------ check
    def check(self, code: str) -> list[Violation]:
        """Static check: module requests and syntax. Compiles in a fresh context, never runs."""
        violations = scan_imports(code)
        code, as_module = rewrite_imports(code)
        pool = self.pool()
        ctx = pool.acquire()
        try:
            problem = None if as_module else self._compile(ctx, code, is_async=False)
            if as_module or (problem is not None and _TLA_MESSAGE in problem.detail):
                problem = self._compile(ctx, code, is_async=True)
        finally:
            pool.release(ctx)
        if problem is not None:
            violations.append(problem)
        return violations

    @staticmethod
    def _compile(ctx: Any, code: str, *, is_async: bool) -> Violation | None:
        from py_mini_racer import JSEvalException

        expr = ctx.host_call("compile", json.dumps(_STRICT + code if is_async else code), "true" if is_async else "false")
        try:
            ctx.eval(expr, 10.0)
        except JSEvalException as e:
            first = str(e).split("\n", 1)[0]
            parts = first.split(":", 2)
            line = int(parts[1]) - 2 if len(parts) == 3 and parts[1].isdigit() else None
            detail = parts[2].strip() if len(parts) == 3 else first
            return Violation("syntax", detail, line if line is not None and line > 0 else None)
        return None

    # ------------------------------------------------------------------ run
    def run(self, code: str, *, stdin: str, limits: Limits) -> Result:
        """Run ``code`` once in a fresh context; ``limits.timeout_s`` bounds the whole call."""
        start = time.monotonic()
        deadline = start + (limits.timeout_s if limits.timeout_s is not None else _NO_TIMEOUT_S)
        violations = scan_imports(code)
        if violations:
            return Result(self.name, Status.VIOLATION, stderr="".join(f"{v}\n" for v in violations),
                          violations=tuple(violations))
        pool = self.pool()
        ctx = pool.acquire()
        result: Result | None = None
        guard = self._memory_guard(limits)
        control = _control.current()  # a caller's cancel terminates the isolate, as the deadline does
        uncancel = control.on_cancel(ctx.terminate) if control is not None else None
        streamer = _Streamer(ctx, control) if control is not None and control.streaming else None
        try:
            if guard is not None:
                guard.watch(ctx)
            result = self._run_in(ctx, code, stdin, limits, deadline)
            if guard is not None and guard.release():
                # Memory V8 does not count (ICU's copies and formatters) went over the run's
                # share of this worker: the run is stopped, the worker replaced (freeing it).
                self.needs_restart = True
                result = dataclasses.replace(
                    result, status=Status.MEMORY_LIMIT, exit_code=None,
                    extra={**result.extra, "stopped_by": "worker-rss",
                           "stop_detail": f"process memory over {guard.allowance_mb} MiB for memory_mb="
                                          f"{limits.memory_mb} (memory outside the V8 heap)"})
            return result
        finally:
            if streamer is not None:
                streamer.stop()  # before the context goes back or is closed; the rest comes with the Result
            if uncancel is not None:
                uncancel()
            if guard is not None:
                guard.release()
            if self.owns_process and (result is None or result.status in _TERMINATED):
                if not pool.close_now(ctx, STUCK_CLOSE_S):
                    self.needs_restart = True
            else:
                pool.release(ctx)

    def _run_in(self, ctx: Any, code: str, stdin: str, limits: Limits, deadline: float) -> Result:
        from py_mini_racer import JSEvalException, JSParseException, JSTimeoutException
        from py_mini_racer._exc import MiniRacerBaseException

        mr = ctx.mr
        offset = 0

        def remaining() -> float:
            return deadline - time.monotonic()

        try:
            if limits.memory_mb != ctx.memory_mb and limits.memory_mb is not None:
                mr.set_hard_memory_limit(limits.memory_mb << 20)
            cap = _run_cap(ctx, limits)
            begin = None
            if stdin or limits.memory_mb != ctx.memory_mb or cap != ctx.cap:
                from ._engine import _buffer_budget

                begin = ctx.submit(ctx.host_call("begin", json.dumps(stdin),
                                                    str(_buffer_budget(limits.memory_mb)), str(cap)))
            # The script and, queued right behind it, a look at the timers: V8 drains the
            # script's microtasks in between, so a program without timers is done after this
            # one round trip. (A failed script's look is read and ignored.)
            # A program with static imports of the shims is an ES module: it goes straight to the
            # module body below (its imports rewritten to require(): _imports.rewrite_imports).
            code, as_module = rewrite_imports(code)
            suffix = _DISCARD_COMPLETION.format(secret=json.dumps(ctx.secret))
            main = None if as_module else ctx.submit(f"{code}{suffix}//# sourceURL={GUEST_NAME}\n")
            look = None if as_module else ctx.submit(ctx.host_call("peek"))
            if begin is not None:
                ctx.collect(begin, remaining())
            try:
                if main is None:
                    raise _ModuleBody
                ctx.collect(main, remaining())
            except (JSParseException, _ModuleBody) as e:
                if main is not None:
                    ctx.collect(look, remaining())
                    e = _bare_parse_error(ctx, code, e, remaining())
                    if _TLA_MESSAGE not in str(e):
                        raise e from None
                # Top-level await, or imports: run as the body of an async function whose rejection is
                # reported like an uncaught exception. The body is compiled on its own first
                # (the AsyncFunction constructor parses it as a whole body, so a `})` in it
                # cannot close the host's wrapper and reach the host's call); only a body that
                # compiles is placed in the wrapper, which sits on line 1 only.
                try:
                    ctx.eval(ctx.host_call("compile", json.dumps(_STRICT + code), "true"), remaining())
                except JSTimeoutException:
                    raise
                except JSEvalException as ce:
                    raise JSParseException(_body_error(str(ce))) from None
                wrapper = ctx.control_expr("watch", "(async function () {" + _STRICT)[:-1]
                offset = len(wrapper)
                ctx.collect(ctx.submit(f"{wrapper}{code}\n}})())\n//# sourceURL={GUEST_NAME}\n"), remaining())
                look = ctx.submit(ctx.host_call("peek"))
            except JSTimeoutException:
                raise
            except MiniRacerBaseException:
                with contextlib.suppress(MiniRacerBaseException):  # in order: the next call must not read it
                    if look is not None:
                        ctx.collect(look, min(remaining(), 0.1))  # (a terminated context may never answer)
                raise
            wait_ms = ctx.collect(look, remaining())
            # The event loop: one timer per call; V8 drains microtasks after each call.
            tick = ctx.host_call("tick")
            looked_again = False
            while True:
                if ctx.header()[3] & _STOPPED:
                    break
                if not isinstance(wait_ms, (int, float)) or wait_ms < 0:
                    if looked_again:
                        break
                    # Nothing of the prelude's is pending, but V8's own tasks (an Atomics.notify's
                    # waitAsync resolution, a finished WebAssembly compile) may be queued behind the
                    # last look: they run before this one, which sees what they left (their
                    # microtasks' rejections) as after any macrotask.
                    looked_again = True
                    wait_ms = ctx.eval(ctx.host_call("peek"), remaining())
                    continue
                looked_again = False
                if wait_ms > 0:
                    pause = min(wait_ms / 1000.0, remaining())
                    if pause > 0:
                        time.sleep(pause)
                left = remaining()
                if left <= 0:
                    raise JSTimeoutException()
                wait_ms = ctx.eval(tick, left)
            if ctx.header()[3] & _FLAG_EXIT_LISTENERS and not ctx.header()[3] & _STOPPED:
                # process.on('exit') listeners run at the end, as Node runs them; the looks behind
                # them make sure their microtasks, and the rejections those leave (a listener's
                # job each: 0), are over before the output is read.
                ctx.eval(ctx.host_call("finish"), remaining())
                peek = ctx.host_call("peek")
                while ctx.eval(peek, remaining()) == 0 and not ctx.header()[3] & _STOPPED:
                    pass
        except MiniRacerBaseException as e:
            heap_hit = _heap_limit_hit(mr)
            outcome = translate(e, code, line1_offset=offset, heap_limit_hit=heap_hit, max_chars=_run_cap(ctx, limits))
            return self._result(ctx, outcome.status, outcome.stderr, outcome.stopped_by, offset, limits, code)
        if _heap_limit_hit(mr):
            return self._result(ctx, Status.MEMORY_LIMIT, "FATAL ERROR: JavaScript heap limit reached\n",
                                "v8-heap-limit", offset, limits)
        return self._result(ctx, Status.OK, "", None, offset, limits, code)

    def _result(self, ctx: Any, status: Status, stderr_tail: str, stopped_by: str | None,
                offset: int = 0, limits: Limits | None = None, code: str = "") -> Result:
        out, err = ctx.output()
        header = ctx.header()
        flags = header[3]
        if flags & _FLAG_UNCAUGHT:
            err = _place_uncaught(err, header[7] - 1, code, offset)
        extra: dict[str, Any] = {}
        exit_code: int | None
        if flags & _FLAG_EXIT and status in (Status.OK, Status.ERROR) and not flags & _FLAG_OUTPUT:
            # process.exit(code): the run ends there, with that code, as in Node (what it threw
            # to unwind the guest's stack is not an error of the program's).
            exit_code = header[6] & 0xFF
            status = Status.OK if exit_code == 0 else Status.ERROR
            return self._finish(ctx, status, err, exit_code, extra)
        if flags & _FLAG_OUTPUT:
            status, stopped_by = Status.OUTPUT_LIMIT, "prelude-output-cap"
            stderr_tail = ""
            extra["stop_detail"] = f"output over {_run_cap(ctx, limits)} bytes"
        elif flags & _FLAG_UNCAUGHT and status is Status.OK:
            status = Status.ERROR
        if stderr_tail and status in (Status.ERROR, Status.COMPILE_ERROR):
            # The report of an uncaught exception is the guest's text too (its message): it counts
            # against the output cap like anything the program printed.
            room = max(_run_cap(ctx, limits) - max(ctx.header()[2], 0), 0)
            encoded = stderr_tail.encode("utf-8", "replace")
            if len(encoded) > room:
                stderr_tail = encoded[:room].decode("utf-8", "ignore")
                status, stopped_by = Status.OUTPUT_LIMIT, "prelude-output-cap"
                extra["stop_detail"] = f"output over {_run_cap(ctx, limits)} bytes (an uncaught error's report)"
        if status is Status.ERROR and flags & _FLAG_BUDGET and _REFUSAL.search(stderr_tail or err):
            # The run died of the prelude's refusal of an allocation for the memory limit: the
            # flag says a refusal happened (guest text cannot set it), the report says the error
            # that ended the run is one (a refusal the guest caught does not make a later,
            # unrelated error a memory_limit).
            stopped_by = "prelude-buffer-budget"
            status = Status.MEMORY_LIMIT
        if stopped_by is not None:
            extra["stopped_by"] = stopped_by
            extra.setdefault("stop_detail", _STOP_DETAILS.get(stopped_by, stopped_by))
        if status is Status.OK:
            exit_code = 0
            if flags & _FLAG_EXIT_CODE and header[6] & 0xFF:
                # process.exitCode = n and a normal end: the run exits with n, as in Node.
                exit_code = header[6] & 0xFF
                status = Status.ERROR
        elif status in (Status.ERROR, Status.COMPILE_ERROR):
            exit_code = 1
        else:
            exit_code = None
        return self._finish(ctx, status, err + stderr_tail, exit_code, extra)

    def _finish(self, ctx: Any, status: Status, stderr: str, exit_code: int | None, extra: dict[str, Any]) -> Result:
        out, _ = ctx.output()
        if ctx.token in stderr or ctx.secret in stderr:  # never expected; a last line of defence
            stderr = stderr.replace(ctx.token, "[host]").replace(ctx.secret, "[host]")
        return Result(self.name, status, stdout=out, stderr=stderr, exit_code=exit_code,
                      isolation=("language", "v8-isolate"), extra=extra)


# ------------------------------------------------------------------ streaming output
class _Streamer:
    """Passes a run's output on to its caller while it runs (``on_output``, ``astream``).

    The prelude writes into a buffer the host can read at any time; a thread looks at it every
    ``PERIOD_S`` and passes on what was written up to the end it saw one look earlier (the
    prelude stores the characters before it moves the end, and a look later they have surely
    landed, whatever order the stores became visible in). What is left when the run ends
    reaches the caller with the Result (``RunControl.finish``).
    """

    PERIOD_S = 0.01

    def __init__(self, ctx: Any, control: Any) -> None:
        self.ctx = ctx
        self.control = control
        self.sent = [0, 0]
        self.seen = [0, 0]
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="sandboxes-js-output", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while not self.done.wait(self.PERIOD_S):
            header = self.ctx.header()
            for i, stream in enumerate(_control.STREAMS):
                upto, self.seen[i] = self.seen[i], max(header[i], 0)
                if upto > self.sent[i]:
                    text, self.sent[i] = self.ctx.output_units(i, self.sent[i], upto)
                    self.control.emit(stream, text)
            self.control.flush()

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


# ------------------------------------------------------------------ the worker's memory guard
# V8's heap limit and the prelude's ArrayBuffer budget bound what a run allocates through V8, but
# not what ICU allocates for it (Intl.Segmenter copies its input, each Intl formatter holds
# compiled ICU data): in a worker, the process's resident memory is sampled during the run, and a
# run whose growth passes twice memory_mb (heap + buffer budget) plus a slack is stopped.
RSS_SLACK_MB = 64
RSS_SAMPLE_S = 0.005
_STATM_FD: int | None = None
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss_bytes() -> int:
    assert _STATM_FD is not None
    return int(os.pread(_STATM_FD, 64, 0).split()[1]) * _PAGE


class _MemoryGuard:
    """One sampling thread per worker runtime; watches the context of the run in progress.

    The thread wakes every ``RSS_SAMPLE_S`` whether or not a run is going (a start is not
    signalled: waking it at every run cost 0.2 ms of latency through the GIL hand-off), and
    samples only runs older than one period: most are over by then.
    """

    def __init__(self) -> None:
        self.allowance_mb = 0
        self._lock = threading.Lock()
        self._ctx: Any = None
        self._base = 0
        self._started = 0.0
        self._tripped = False
        threading.Thread(target=self._loop, name="sandboxes-js-memory", daemon=True).start()

    def watch(self, ctx: Any) -> None:
        base = _rss_bytes()
        with self._lock:
            self._ctx, self._base, self._started, self._tripped = ctx, base, time.monotonic(), False

    def release(self) -> bool:
        """Stop watching; whether the run went over."""
        with self._lock:
            self._ctx = None
            return self._tripped

    def _loop(self) -> None:
        while True:
            time.sleep(RSS_SAMPLE_S)
            with self._lock:
                ctx = self._ctx
                if ctx is None or time.monotonic() - self._started < RSS_SAMPLE_S:
                    continue
                limit = self._base + (self.allowance_mb << 20)
            if _rss_bytes() > limit:
                with self._lock:
                    current = self._ctx is ctx
                    if current:
                        self._tripped = True
                        self._ctx = None
                if current:
                    ctx.terminate()


class _ModuleBody(Exception):
    """The program is an ES module (it imports a shim): it runs as a module body, never as a script."""


def _place_uncaught(err: str, start_units: int, code: str, offset: int) -> str:
    """The prelude's report of an uncaught error (of a timer, a job, an event listener, a
    top-level-await rejection), laid out as the host lays out a synchronous one: the guest's
    innermost frame and its source line with a caret above the ``Uncaught ...`` line.

    ``start_units`` is where the report starts in stderr, in UTF-16 code units (-1: unknown).
    """
    if start_units < 0:
        return err
    units = 0
    start = len(err)
    for i, ch in enumerate(err):
        if units >= start_units:
            start = i
            break
        units += 2 if ord(ch) > 0xFFFF else 1
    head, report = err[:start], err[start:]
    if not report.startswith("Uncaught "):
        return err
    lines = report.split("\n")
    if offset:  # top-level-await code: its line 1 follows the host's wrapper
        lines = [_fix_frame(ln, offset) if ln.startswith("    at ") else ln for ln in lines]
    where: list[str] = []
    for ln in lines:
        m = _GUEST_FRAME.search(ln) if ln.startswith("    at ") else None
        if m:
            line_no, col = int(m.group(1)), int(m.group(2))
            code_lines = _LINE_BREAKS.split(code)
            where = [f"{GUEST_NAME}:{line_no}:{col}"]
            if 0 < line_no <= len(code_lines):
                where += [code_lines[line_no - 1], " " * (col - 1) + "^"]
            where.append("")
            break
    return head + "\n".join([*where, *lines])


def _body_error(msg: str) -> str:
    """A syntax error from compiling the guest's code as a function body, as if from main.js.

    The constructor's source starts with two lines of its own (``(async function anonymous(``,
    ``) {``); the frames are the host's call, not the guest's.
    """
    lines = msg.split("\n")
    head = lines[0].split(":", 2)
    if len(head) == 3 and head[1].isdigit():
        lines[0] = f"{GUEST_NAME}:{max(int(head[1]) - 2, 1)}:{head[2]}"
    return "\n".join(ln for ln in lines if not ln.startswith("    at ")) + "\n"


def _bare_parse_error(ctx: Any, code: str, err: BaseException, timeout: float) -> BaseException:
    """The syntax error of ``code`` alone, as V8 reports it without ``_DISCARD_COMPLETION``.

    With the suffix, V8 may name another token ("Unexpected token 'const'" for "Unexpected end
    of input"). Code that fails with the suffix fails alone too (see above), so this compiles
    and raises without running anything.
    """
    from py_mini_racer import JSParseException

    try:
        ctx.eval(f"{code}\n//# sourceURL={GUEST_NAME}\n", timeout)
    except JSParseException as bare:
        return bare
    return err  # pragma: no cover - unreachable by the argument above


def _run_cap(ctx: Any, limits: Limits | None) -> int:
    """The run's output cap: the context's buffer size, or less when the run's limits say so."""
    if limits is None or limits.max_output_bytes is None:
        return int(ctx.cap)
    return min(int(ctx.cap), limits.max_output_bytes)


def _heap_limit_hit(mr: Any) -> bool:
    try:
        return bool(mr.was_hard_memory_limit_reached())
    except Exception:
        return False
