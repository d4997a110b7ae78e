"""The host side of the process layer: ``WorkerBackend`` and ``doctor()``.

Python runs in a *fork-per-run* pool: a fork server (``_server.py``, started
with ``subprocess`` from one long-lived spawner thread, never forked from this
process) keeps ``policy.<lang>.workers`` confined children ready; a run takes
one, sends it the job over its own pipe, reads one length-prefixed result
with a byte cap and a wall-clock deadline, and the child exits. JavaScript,
Go and the wasm Python engine (``python.engine: wasm``) run in *long-lived*
confined workers (their engines cannot be forked), each replaced after a
crash, a kill or ``worker_max_runs`` runs.

Every ending of a run is translated into a ``Result`` in ``_ending`` (the one
place that maps exit statuses and signals to statuses), never an exception.
A long-lived worker's stderr is drained into a small tail so that an engine
abort (V8: SIGTRAP/SIGABRT after "Fatal JavaScript out of memory" or
"invalid size error") is reported with a short, path-free reason, as
``memory_limit`` when the engine ran out of memory.
"""

from __future__ import annotations

import atexit
import base64
import collections
import contextlib
import dataclasses
import json
import logging
import os
import pickle
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from .. import _registry
from .._control import STREAMS, RunControl, cancelled_result, current
from ..errors import ClosedError, RuntimeUnavailableError
from ..policy import LAYERS, Limits, Policy
from ..result import MAX_LISTED_VIOLATIONS, Result, Status, Violation
from ._server import EXIT_MEMORY, RAW_ENV
from ._wire import FrameReader, FrameTimeout, FrameTooLarge, encode, write_all
from .._lifecycle import Closeable

log = logging.getLogger("sandboxes.isolation")

_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); "
         "from sandboxes.isolation._server import main; main(sys.argv[2:])")
DEADLINE_GRACE_S = 0.1  # after timeout_s, the fork-per-run child is SIGKILLed (its runtime reports first)
WORKER_GRACE_S = 0.5  # long-lived workers: their engine stops the guest; the kill is the backstop
CANCEL_GRACE_S = 0.5  # a long-lived worker asked to stop a cancelled run is killed if it has not by then
START_TIMEOUT_S = 60.0  # starting a server or worker (imports, warm-up) on a loaded machine
EXIT_WAIT_S = 3.0  # how long to wait for the exit status of a child that ended without a result
_INFO_CAP = 1 << 16


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def _env(raw: bool) -> dict[str, str]:
    """A scrubbed environment: nothing of the host's leaks into a worker."""
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    if raw:
        env[RAW_ENV] = "1"
    return env


def _stderr_target() -> Any:
    return None if os.environ.get("SANDBOXES_WORKER_DEBUG") == "1" else subprocess.DEVNULL


class _Spawner:
    """Starts every process of this layer from one long-lived thread.

    ``PR_SET_PDEATHSIG`` fires when the *thread* that created a process exits,
    so a server spawned from a short-lived ``run_many`` thread would die with
    it. This thread lives as long as the host process.
    """

    def __init__(self) -> None:
        self._q: queue.SimpleQueue[tuple[list[str], dict[str, Any], Future[subprocess.Popen[bytes]]]] = \
            queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def spawn(self, argv: list[str], **kw: Any) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="sandboxes-spawner", daemon=True)
                self._thread.start()
        fut: Future[subprocess.Popen[bytes]] = Future()
        self._q.put((argv, kw, fut))
        return fut.result()

    def _loop(self) -> None:
        while True:
            argv, kw, fut = self._q.get()
            try:
                fut.set_result(subprocess.Popen(argv, **kw))
            except BaseException as e:  # reported to the caller
                fut.set_exception(e)


_spawner = _Spawner()


class _Fds:
    """The file descriptors this layer holds: pipes and sockets to its own processes.

    A child forked from the host (``multiprocessing`` with fork, gunicorn ``--preload``)
    inherits them; it must close exactly these, and nothing the application owns, before it
    starts workers of its own (``_after_fork_in_child``). Adding and closing happen under one
    lock, which a fork waits for, so the list a child inherits is exact: a number closed by
    another thread just before the fork (and perhaps reused by the application) is never on it.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.fds: set[int] = set()

    def own(self, *fds: int) -> None:
        with self.lock:
            self.fds.update(fd for fd in fds if fd >= 0)

    def close(self, fd: int) -> None:
        if fd < 0:
            return
        with self.lock, contextlib.suppress(OSError):
            self.fds.discard(fd)
            os.close(fd)

    def close_socket(self, sock: socket.socket) -> None:
        with self.lock:
            fd = sock.detach()
            if fd >= 0:
                self.fds.discard(fd)
                with contextlib.suppress(OSError):
                    os.close(fd)


_fds = _Fds()


def _close_fd(fd: int) -> None:
    _fds.close(fd)


def _signame(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"signal {sig}"


# ----------------------------------------------------------------- translating endings

# V8's reports when it aborts the process: "# Fatal JavaScript out of memory: invalid table size",
# "# Fatal process out of memory: ...", "FATAL ERROR: ... JavaScript heap out of memory",
# "# Fatal JavaScript invalid size error 268435456 (see crbug.com/1201626)".
_FATAL = re.compile(r"Fatal (?:JavaScript|process) [A-Za-z ]{0,40}?(?:out of memory|error)[A-Za-z0-9 _.,:-]{0,100}"
                    r"|JavaScript heap out of memory")


def _engine_fatal(engine_stderr: str) -> str | None:
    """What an engine that aborted its process said, as a short phrase of safe characters.

    Only the matched words are kept (never the stack trace with its file paths): nothing else of
    what the process printed reaches the Result.
    """
    m = _FATAL.search(engine_stderr)
    return None if m is None else m.group(0).strip(" :,.")


def _ending(lang: str, status: int | None, *, deadline_kill: bool, engine_stderr: str = "") -> Result:
    """Map how a worker ended without a usable result to a ``Result``. The only such mapping.

    ``engine_stderr`` is the tail of what a long-lived worker printed: an engine that aborts the
    process on a fatal error (V8: SIGTRAP or SIGABRT) says there whether memory ran out.
    """
    if deadline_kill:
        return Result(lang, Status.TIMEOUT, stderr="timed out\n", exit_code=None,
                      extra={"stopped_by": "deadline", "stop_detail": "SIGKILL at the wall-clock deadline"})
    if status is None:
        return Result(lang, Status.ERROR, stderr="worker crashed: the worker process exited\n",
                      extra={"stopped_by": "process", "stop_detail": "worker lost"})
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = _signame(sig)
        if sig == signal.SIGXCPU:
            return Result(lang, Status.TIMEOUT, stderr="timed out (CPU time limit)\n", exit_code=-sig,
                          extra={"stopped_by": "rlimit", "stop_detail": "RLIMIT_CPU (SIGXCPU)"})
        if sig == signal.SIGSYS:
            v = Violation("syscall", "a system call the sandbox forbids was attempted; seccomp killed the worker")
            return Result(lang, Status.VIOLATION, stderr="worker killed by seccomp: SIGSYS\n", exit_code=-sig,
                          violations=(v,), extra={"stopped_by": "seccomp", "stop_detail": "SIGSYS"})
        if sig == signal.SIGXFSZ:
            v = Violation("file", "a write beyond the file size limit (RLIMIT_FSIZE)")
            return Result(lang, Status.VIOLATION, stderr="worker killed: SIGXFSZ\n", exit_code=-sig,
                          violations=(v,), extra={"stopped_by": "rlimit", "stop_detail": "RLIMIT_FSIZE"})
        if sig == signal.SIGKILL:
            return Result(lang, Status.ERROR, stderr="worker killed: SIGKILL\n", exit_code=-sig,
                          extra={"stopped_by": "kernel", "stop_detail": "SIGKILL (CPU hard limit or OOM killer)"})
        fatal = _engine_fatal(engine_stderr) if sig in (signal.SIGTRAP, signal.SIGABRT) else None
        if fatal is not None:
            extra = {"stopped_by": "engine-abort", "stop_detail": fatal, "signal": name}
            if "out of memory" in fatal:
                return Result(lang, Status.MEMORY_LIMIT, stderr=f"{fatal}\nworker crashed: {name}\n",
                              exit_code=-sig, extra=extra)
            return Result(lang, Status.ERROR, stderr=f"{fatal}\nworker crashed: {name}\n",
                          exit_code=-sig, extra=extra)
        return Result(lang, Status.ERROR, stderr=f"worker crashed: {name}\n", exit_code=-sig,
                      extra={"signal": name})
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
    if code == EXIT_MEMORY:
        return Result(lang, Status.MEMORY_LIMIT, stderr="MemoryError\n", exit_code=1,
                      extra={"stopped_by": "rlimit", "stop_detail": "RLIMIT_AS"})
    return Result(lang, Status.ERROR, stderr=f"worker crashed: exit status {code} without a result\n",
                  exit_code=code)


# What a worker's result frame may not claim: facts only the host observes (a worker child is
# guest-controlled once guest code ran in it). The layers, the missing layers and the kind of
# worker are always the host's own (``_finish``); these endings are the host's to establish
# (``_ending``): the deadline kill, the byte cap, the exit status or signal of the process.
_HOST_STOPS = frozenset({"deadline", "rlimit", "seccomp", "kernel", "process", "engine-abort", "cancelled"})
_HOST_EXTRA = frozenset({"isolation_missing", "isolation_missing_reasons", "worker", "signal", "queued_s",
                         "audit_error"})
_HOST_VIOLATIONS = frozenset({"syscall"})  # seccomp's SIGSYS, seen by the host as the child's ending
_FRAME_EXTRA_BYTES = 64 << 10
_FRAME_DETAIL_CHARS = 4096


class _Forged(ValueError):
    """A result frame that no honest runtime writes: the worker is treated as compromised."""


def _from_frame(lang: str, frame: Any, limits: Limits) -> Result:
    """The ``Result`` a worker's frame describes, checked field by field. Raises ``_Forged``.

    Types and known statuses are checked by ``Result.from_dict``; here, what only the host can
    know is refused (see ``_HOST_STOPS``), sizes are bounded (violations, their details, the
    runtime's ``extra``), and the output cap is enforced again: more output than
    ``max_output_bytes`` is cut to it and the run is ``output_limit``, whoever wrote it.
    """
    try:
        r = Result.from_dict(frame)
    except ValueError as e:
        raise _Forged(str(e)[:200]) from None
    if r.lang != lang:
        raise _Forged("lang is not the worker's language")
    if r.run_id:
        raise _Forged("run_id is the host's")
    claimed = set(r.extra) & _HOST_EXTRA
    if claimed:
        raise _Forged(f"extra.{sorted(claimed)[0]} is the host's")
    if r.extra.get("stopped_by") in _HOST_STOPS:
        raise _Forged(f"stopped_by {r.extra['stopped_by']!r} is the host's to establish")
    if len(r.violations) > MAX_LISTED_VIOLATIONS:
        raise _Forged(f"more than {MAX_LISTED_VIOLATIONS} violations")
    for v in r.violations:
        if v.kind in _HOST_VIOLATIONS:
            raise _Forged(f"violation kind {v.kind!r} is the host's")
        if len(v.kind) > 64 or len(v.detail) > _FRAME_DETAIL_CHARS:
            raise _Forged("violation longer than any refusal")
    try:
        extra_size = len(json.dumps(r.extra))
    except (TypeError, ValueError, RecursionError):
        raise _Forged("extra is not plain JSON") from None
    if extra_size > _FRAME_EXTRA_BYTES:
        raise _Forged("extra larger than any runtime's facts")
    cap = limits.max_output_bytes
    if cap is not None:
        out_b = r.stdout.encode("utf-8", "surrogatepass")
        err_b = r.stderr.encode("utf-8", "surrogatepass")
        if len(out_b) + len(err_b) > cap:
            out_b = out_b[:cap]
            err_b = err_b[:max(0, cap - len(out_b))]
            r = dataclasses.replace(
                r, status=Status.OUTPUT_LIMIT, stdout=out_b.decode("utf-8", "ignore"),
                stderr=err_b.decode("utf-8", "ignore"),
                extra={**r.extra, "stopped_by": "host-output-cap",
                       "stop_detail": f"the worker returned more than max_output_bytes ({cap})"})
    if r.status is Status.MEMORY_LIMIT and not r.extra.get("stop_detail"):
        # a bare MemoryError in a worker child comes from the allocator failing under RLIMIT_AS (the
        # language layer's own size guards always say which limit they enforced)
        r = dataclasses.replace(r, extra={**r.extra, "stopped_by": "rlimit",
                                          "stop_detail": "MemoryError under RLIMIT_AS"})
    return r


def _forged_result(lang: str, why: str) -> Result:
    return Result(lang, Status.ERROR, stderr="worker sent a malformed result\n",
                  extra={"stopped_by": "process", "stop_detail": f"malformed result: {why}"})


_warned: set[tuple[str, str]] = set()
_warned_lock = threading.Lock()


def _warn_missing(lang: str, kind: str, missing_names: list[str], reasons: dict[str, str]) -> None:
    """One WARNING per process (and language) when a kernel layer the worker would apply is missing.

    The Result says it on every run (``extra["isolation_missing"]``) and so does the audit event;
    this is for whoever reads the logs and would otherwise not know that runs go on with less.
    """
    if not missing_names:
        return
    with _warned_lock:
        if (lang, kind) in _warned:
            return
        _warned.add((lang, kind))
    why = "; ".join(f"{n}: {reasons.get(n, 'unavailable')}" for n in missing_names)
    log.warning("the %s worker runs without these isolation layers (%s); the policy's `require:` refuses "
                "runs instead; `sandboxes doctor` says what this machine offers", lang, why)


def _finish(r: Result, layers: list[str], missing: dict[str, str], kind: str) -> Result:
    missing_names = [name for name in LAYERS if name not in layers]
    _warn_missing(r.lang, kind, missing_names, missing)
    extra = {**r.extra, "isolation_missing": missing_names, "worker": kind}
    if missing_names:
        extra["isolation_missing_reasons"] = {k: v for k, v in missing.items() if k in missing_names}
    return dataclasses.replace(r, isolation=("language", "process", *[n for n in LAYERS if n in layers]),
                               extra=extra)


def _layers_of(info: Any) -> tuple[list[str], dict[str, str]] | None:
    """The layers a confined process says it applied to itself, before it ran any guest code."""
    if not isinstance(info, dict) or not isinstance(info.get("layers"), list) \
            or not isinstance(info.get("missing"), dict):
        return None
    layers = [x for x in info["layers"] if x in LAYERS]
    missing = {k: str(v)[:200] for k, v in info["missing"].items() if isinstance(k, str) and len(k) < 32}
    return layers, missing


def _result_cap(limits: Limits) -> int:
    out = limits.max_output_bytes if limits.max_output_bytes is not None else 64 << 20
    return 6 * out + (1 << 20)  # JSON escapes control characters as 6 bytes


def _job(code: str, stdin: str, limits: Limits, control: RunControl | None = None, seq: int | None = None) -> bytes:
    job: dict[str, Any] = {"code": code, "stdin": stdin, "limits": dataclasses.asdict(limits)}
    if seq is not None:
        job["seq"] = seq  # a long-lived worker's run number, which a cancel names
    if control is not None and control.streaming:
        job["stream"] = True  # the child sends output frames before its result (``_read_result``)
    return encode(job)


def _read_result(reader: FrameReader, limits: Limits, deadline: float | None, control: RunControl | None) -> Any:
    """The run's result frame; output frames before it are checked and passed on to ``control``.

    A child asked to stream (``_job``) may send ``{"out": "stdout" | "stderr", "text": str}``
    frames while it runs: never unasked, never empty, never more than ``max_output_bytes`` in
    all, whoever wrote them (a child that ran guest code is not trusted: ``_Forged``). Raises
    what ``FrameReader.read`` raises, and ``_Forged``.
    """
    cap = limits.max_output_bytes
    streamed = 0
    while True:
        frame = reader.read(cap=_result_cap(limits), deadline=deadline)
        if not (isinstance(frame, dict) and set(frame) == {"out", "text"}):
            return frame
        stream, text = frame["out"], frame["text"]
        if control is None or not control.streaming:
            raise _Forged("an output frame nobody asked for")
        if type(stream) is not str or stream not in STREAMS or type(text) is not str or not text:
            raise _Forged("an output frame that is not a stream name and some text")
        streamed += len(text.encode("utf-8", "surrogatepass"))
        if cap is not None and streamed > cap:
            raise _Forged("output frames beyond max_output_bytes")
        control.emit(stream, text)


def _check_required(lang: str, required: tuple[str, ...], layers: list[str], missing: dict[str, str]) -> None:
    absent = [name for name in required if name not in layers]
    if absent:
        why = "; ".join(f"{n}: {missing.get(n, 'unavailable')}" for n in absent)
        raise RuntimeUnavailableError(
            f"the policy requires isolation layers this machine does not provide for {lang}: {why}")


# ----------------------------------------------------------------- fork-per-run (Python)

@dataclasses.dataclass
class _Spare:
    cid: int
    pid: int
    job_w: int
    res_r: int


class _ServerLost(Exception):
    pass


class _ForkServer:
    """One fork server process and the spare children it has handed us."""

    def __init__(self, lang: str, policy: Policy, raw: bool) -> None:
        self.lang = lang
        self.target = max(0, policy.for_language(lang).workers)
        self.cond = threading.Condition()
        self.spares: collections.deque[_Spare] = collections.deque()
        self.exits: dict[int, int | None] = {}  # children in use -> exit status once known
        self.pending = 0
        self.waiters = 0
        self.dead = False
        self.failure: str | None = None
        self.layers: list[str] = []
        self.missing: dict[str, str] = {}
        self._ready = threading.Event()
        self._reader: threading.Thread | None = None
        with _fds.lock:
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            _fds.fds.update((ours.fileno(), theirs.fileno()))
        self.sock = ours
        try:
            self.proc = _spawner.spawn(
                [sys.executable, "-I", "-c", _BOOT, _package_root(), "fork", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), env=_env(raw), cwd="/", start_new_session=True,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=_stderr_target())
        except BaseException:
            _fds.close_socket(ours)
            raise
        finally:
            _fds.close_socket(theirs)
        cfg = {"lang": lang, "host_pid": os.getpid(),
               "policy": base64.b64encode(pickle.dumps(policy)).decode()}
        self.sock.send(json.dumps(cfg).encode())
        self._reader = threading.Thread(target=self._read_loop, name=f"sandboxes-{lang}-server", daemon=True)
        self._reader.start()
        if not self._ready.wait(START_TIMEOUT_S) or self.failure:
            why = self.failure or "it did not start in time"
            self.close()
            raise RuntimeUnavailableError(f"the {lang} fork server failed to start: {why}")

    # -- the control socket -------------------------------------------------
    def _read_loop(self) -> None:
        try:
            while True:
                try:
                    data, fds, _flags, _addr = socket.recv_fds(self.sock, 1 << 16, 2, socket.MSG_CMSG_CLOEXEC)
                except OSError:
                    break
                _fds.own(*fds)
                if not data:
                    break
                msg = json.loads(data)
                t = msg["t"]
                with self.cond:
                    if t == "spare" and len(fds) == 2:
                        self.spares.append(_Spare(msg["id"], msg["pid"], fds[0], fds[1]))
                        self.pending = max(0, self.pending - 1)
                    elif t == "exit":
                        if msg["id"] in self.exits:
                            self.exits[msg["id"]] = msg["status"]
                    elif t == "ready":
                        self.layers, self.missing = list(msg["layers"]), dict(msg["missing"])
                        self._ready.set()
                    elif t == "failed":
                        self.failure = msg["error"]
                        self._ready.set()
                    else:
                        for fd in fds:
                            _close_fd(fd)
                    self.cond.notify_all()
        finally:
            with self.cond:
                self.dead = True
                for s in self.spares:
                    _close_fd(s.job_w)
                    _close_fd(s.res_r)
                self.spares.clear()
                self.cond.notify_all()
            self._ready.set()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def _send(self, msg: dict[str, Any]) -> None:
        try:
            self.sock.send(json.dumps(msg).encode())
        except OSError:
            pass

    def _top_up(self) -> None:
        """Ask for enough children that every waiter and the spare target are covered. Under ``cond``."""
        want = self.target + self.waiters - len(self.spares) - self.pending
        if want > 0 and not self.dead:
            self.pending += want
            self._send({"t": "fork", "n": want})

    # -- children -------------------------------------------------------------
    def prefill(self) -> None:
        with self.cond:
            self._top_up()

    def acquire(self, timeout: float) -> _Spare:
        end = time.monotonic() + timeout
        with self.cond:
            self.waiters += 1
            try:
                self._top_up()
                while not self.spares:
                    left = end - time.monotonic()
                    if self.dead or left <= 0:
                        raise _ServerLost("the fork server exited" if self.dead else "no worker became ready")
                    self.cond.wait(left)
                spare = self.spares.popleft()
                self.exits[spare.cid] = None
            finally:
                self.waiters -= 1
            if not self.spares or self.waiters:
                self._top_up()  # otherwise the refill waits for the end of the run (``done``): a fork
                # competing for the CPU with the run would slow it down on a small machine
        return spare

    def done(self) -> None:
        """A run ended: refill the spares."""
        with self.cond:
            self._top_up()

    def kill(self, cid: int) -> None:
        self._send({"t": "kill", "id": cid})

    def wait_exit(self, cid: int, timeout: float) -> int | None:
        end = time.monotonic() + timeout
        with self.cond:
            while self.exits.get(cid) is None and not self.dead:
                left = end - time.monotonic()
                if left <= 0:
                    break
                self.cond.wait(left)
            return self.exits.pop(cid, None)

    def forget(self, cid: int) -> None:
        with self.cond:
            self.exits.pop(cid, None)

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        _fds.close_socket(self.sock)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join(timeout=5)


class _ForkPool:
    def __init__(self, lang: str, policy: Policy, raw: bool) -> None:
        self.lang = lang
        self.policy = policy
        self.lpol = policy.for_language(lang)
        self.raw = raw
        self._srv: _ForkServer | None = None
        self._lock = threading.Lock()
        self._closed = False

    def server(self) -> _ForkServer:
        with self._lock:
            if self._closed:
                raise ClosedError("this WorkerBackend is closed")
            if self._srv is None or self._srv.dead:
                if self._srv is not None:
                    self._srv.close()
                self._srv = _ForkServer(self.lang, self.policy, self.raw)
                self._srv.prefill()
            return self._srv

    def run(self, code: str, stdin: str, limits: Limits) -> Result:
        for _attempt in range(3):
            srv = self.server()
            try:
                spare = srv.acquire(timeout=START_TIMEOUT_S)
            except _ServerLost:
                continue
            result = self._run_child(srv, spare, code, stdin, limits)
            if result is not None:
                return result
        return _ending(self.lang, None, deadline_kill=False)

    def _run_child(self, srv: _ForkServer, spare: _Spare, code: str, stdin: str, limits: Limits) -> Result | None:
        reader = FrameReader(spare.res_r)
        try:
            try:
                info = reader.read(cap=_INFO_CAP, deadline=time.monotonic() + START_TIMEOUT_S)
            except (FrameTimeout, FrameTooLarge, ValueError):
                info = None
            layers_missing = _layers_of(info)
            if layers_missing is None:
                srv.kill(spare.cid)
                srv.forget(spare.cid)
                return None  # a spare that died before use (e.g. its server restarted): take another
            layers, missing = layers_missing
            try:
                _check_required(self.lang, self.lpol.require, layers, missing)
            except RuntimeUnavailableError:
                srv.kill(spare.cid)
                srv.forget(spare.cid)
                raise
            control = current()
            if control is not None and control.cancelled:
                srv.kill(spare.cid)
                srv.forget(spare.cid)
                return _finish(cancelled_result(self.lang), layers, missing, "fork")
            t0 = time.monotonic()
            try:
                write_all(spare.job_w, _job(code, stdin, limits, control))
            except OSError:
                pass  # the child is gone; its exit status says why
            _close_fd(spare.job_w)
            spare.job_w = -1
            deadline = t0 + limits.timeout_s + DEADLINE_GRACE_S if limits.timeout_s is not None else None
            # Cancelling kills the child (its server reaps it): the read below sees the end of file.
            uncancel = control.on_cancel(lambda: srv.kill(spare.cid)) if control is not None else None
            result: Result
            try:
                try:
                    frame = _read_result(reader, limits, deadline, control)
                finally:
                    if uncancel is not None:
                        uncancel()
            except FrameTimeout:
                srv.kill(spare.cid)  # the server kills and reaps it; nothing to wait for
                srv.forget(spare.cid)
                result = _ending(self.lang, None, deadline_kill=True)
            except FrameTooLarge:
                srv.kill(spare.cid)
                srv.wait_exit(spare.cid, EXIT_WAIT_S)
                result = Result(self.lang, Status.OUTPUT_LIMIT, stderr="output limit exceeded\n",
                                extra={"stopped_by": "process", "stop_detail": "result larger than the byte cap"})
            except (ValueError, _Forged) as e:
                srv.kill(spare.cid)
                srv.wait_exit(spare.cid, EXIT_WAIT_S)
                result = _forged_result(self.lang, str(e) if isinstance(e, _Forged) else "not a JSON frame")
            else:
                if frame is None and control is not None and control.cancelled:
                    srv.forget(spare.cid)  # killed by the cancel; its server reaps it
                    result = cancelled_result(self.lang, "the worker child was killed")
                elif frame is None:
                    result = _ending(self.lang, srv.wait_exit(spare.cid, EXIT_WAIT_S), deadline_kill=False)
                else:
                    # The frame is the child's last word: it is killed (and its server reaps it) as soon
                    # as the frame is read; its pipe is closed when this run ends, so nothing it writes
                    # afterwards is ever read. Waiting for the reap would cost the exit's teardown
                    # (3-4 ms a run here); an honest child exits by itself at this point anyway.
                    srv.kill(spare.cid)
                    srv.forget(spare.cid)
                    try:
                        if reader.drain(_INFO_CAP):
                            raise _Forged("more than one result frame")
                        result = _from_frame(self.lang, frame, limits)
                    except _Forged as e:
                        result = _forged_result(self.lang, str(e))
            return _finish(result, layers, missing, "fork")
        finally:
            srv.done()
            if spare.job_w >= 0:
                _close_fd(spare.job_w)
            _close_fd(spare.res_r)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            srv, self._srv = self._srv, None
        if srv is not None:
            srv.close()

    def abandon(self) -> None:
        """In a forked child: drop the parent's server without touching it (see ``_after_fork_in_child``)."""
        srv, self._srv = self._srv, None
        if srv is not None:
            srv.sock.detach()  # its number is closed already; the socket object must not close it again
            srv.spares.clear()


# ----------------------------------------------------------------- long-lived workers (JavaScript, Go)

class _StderrTail:
    """Drains a worker's stderr on a thread, keeping the last ``cap`` bytes (echoed when debugging).

    An engine that aborts its process prints why on stderr (V8: "Fatal JavaScript out of
    memory: ..."); the tail lets ``_ending`` tell an out-of-memory abort from another crash.
    Draining also keeps a chatty engine from blocking on a full pipe.
    """

    def __init__(self, fd: int, cap: int = 8192) -> None:
        self.fd = fd
        self.cap = cap
        self.buf = bytearray()
        self.lock = threading.Lock()
        self.echo = os.environ.get("SANDBOXES_WORKER_DEBUG") == "1"
        self.thread = threading.Thread(target=self._drain, name="sandboxes-worker-stderr", daemon=True)
        self.thread.start()

    def _drain(self) -> None:
        try:
            while True:
                try:
                    chunk = os.read(self.fd, 1 << 14)
                except OSError:
                    break
                if not chunk:
                    break
                if self.echo:
                    with contextlib.suppress(Exception):
                        sys.stderr.write(chunk.decode("utf-8", "replace"))
                with self.lock:
                    self.buf += chunk
                    del self.buf[:-self.cap]
        finally:
            _close_fd(self.fd)

    def text(self, wait_s: float = 1.0) -> str:
        """The tail, after waiting (bounded) for the writer's end to close."""
        self.thread.join(timeout=wait_s)
        with self.lock:
            return self.buf.decode("utf-8", "replace")


class _Worker:
    """One long-lived confined engine process."""

    def __init__(self, lang: str, policy: Policy, raw: bool) -> None:
        self.lang = lang
        self.runs = 0
        with _fds.lock:  # created and owned at once: a fork in between would leak them to the child
            job_r, job_w = os.pipe()
            res_r, res_w = os.pipe()
            err_r, err_w = os.pipe()
            cancel_r, cancel_w = os.pipe()  # a run's number, to stop it (``cancel``)
            _fds.fds.update((job_r, job_w, res_r, res_w, err_r, err_w, cancel_r, cancel_w))
        os.set_blocking(cancel_w, False)
        try:
            self.proc = _spawner.spawn(
                [sys.executable, "-I", "-c", _BOOT, _package_root(), "worker", str(job_r), str(res_w),
                 str(cancel_r)],
                pass_fds=(job_r, res_w, cancel_r), env=_worker_env(lang, raw), cwd="/", start_new_session=True,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err_w)
        except BaseException:
            for fd in (err_r, job_w, res_r, cancel_w):
                _close_fd(fd)
            raise
        finally:
            for fd in (job_r, res_w, err_w, cancel_r):
                _close_fd(fd)
        self.stderr = _StderrTail(err_r)
        self.job_w, self.res_r, self.cancel_w = job_w, res_r, cancel_w
        self.reader = FrameReader(res_r)
        cfg = {"lang": lang, "host_pid": os.getpid(), **_worker_paths(lang, policy),
               "policy": base64.b64encode(pickle.dumps(policy)).decode()}
        try:
            write_all(job_w, encode(cfg))
            info = self.reader.read(cap=_INFO_CAP, deadline=time.monotonic() + START_TIMEOUT_S)
        except (OSError, FrameTimeout, FrameTooLarge, ValueError):
            info = None
        layers_missing = _layers_of(info)
        if layers_missing is None:
            why = str(info.get("failed"))[:300] if isinstance(info, dict) and "failed" in info else None
            self.kill()
            raise RuntimeUnavailableError(f"the {lang} worker failed to start: {why or 'no answer'}")
        self.layers, self.missing = layers_missing

    def kill(self) -> None:
        try:
            self.proc.kill()
        except OSError:
            pass
        self.close()

    def cancel(self, seq: int) -> threading.Timer:
        """Ask the worker to stop run ``seq`` (its engine terminates the guest and the worker stays);
        a worker that has not answered ``CANCEL_GRACE_S`` later is killed. Returns that backstop."""
        backstop = threading.Timer(CANCEL_GRACE_S, self.proc.kill)
        backstop.daemon = True
        backstop.start()
        try:
            os.write(self.cancel_w, seq.to_bytes(8, "big"))
        except (OSError, ValueError):  # a full pipe (a worker that reads nothing) or a closed one
            self.proc.kill()
        return backstop

    def close(self) -> None:
        _close_fd(self.job_w)
        _close_fd(self.res_r)
        _close_fd(self.cancel_w)
        self.job_w = self.res_r = self.cancel_w = -1
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _worker_env(lang: str, raw: bool) -> dict[str, str]:
    env = _env(raw)
    if lang == "go":  # the toolchain needs a home for its caches; nothing else of the host's
        for key in ("HOME", "XDG_CACHE_HOME", "TMPDIR"):
            if key in os.environ:
                env[key] = os.environ[key]
    return env


def _worker_paths(lang: str, policy: Policy) -> dict[str, Any]:
    """Trees a long-lived worker may still use after Landlock: its engine's files, the Go caches."""
    paths: dict[str, Any] = {"read_only": [_package_root(), *_engine_dirs(lang)]}
    if lang == "go":
        try:
            from ..go._toolchain import default_cache_dir

            gopol = policy.go
            paths["cache_dir"] = str(Path(gopol.cache_dir).expanduser() if gopol.cache_dir else default_cache_dir())
            if gopol.go_binary:
                paths["read_only"].append(str(Path(gopol.go_binary).resolve().parent.parent))
        except ImportError:
            pass
    return paths


def _engine_dirs(lang: str) -> list[str]:
    if lang != "javascript":
        return []
    try:
        import importlib.util

        spec = importlib.util.find_spec("py_mini_racer")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    return [str(Path(p).resolve()) for p in spec.submodule_search_locations]


class _WorkerPool:
    def __init__(self, lang: str, policy: Policy, raw: bool) -> None:
        self.lang = lang
        self.policy = policy
        self.lpol = policy.for_language(lang)
        self.raw = raw
        self.size = max(1, self.lpol.workers)
        self.cond = threading.Condition()
        self.idle: list[_Worker] = []
        self.count = 0
        self.closed = False

    def _acquire(self) -> _Worker:
        with self.cond:
            while True:
                if self.closed:
                    raise ClosedError("this WorkerBackend is closed")
                while self.idle:
                    w = self.idle.pop()
                    if w.proc.poll() is None:
                        return w
                    w.kill()  # died while idle (its engine aborted between runs): replace it
                    self.count -= 1
                if self.count < self.size:
                    self.count += 1
                    break
                self.cond.wait()
        fresh: _Worker | None = None
        try:
            fresh = _Worker(self.lang, self.policy, self.raw)
            _check_required(self.lang, self.lpol.require, fresh.layers, fresh.missing)
            return fresh
        except BaseException:
            if fresh is not None:
                fresh.kill()
            with self.cond:
                self.count -= 1
                self.cond.notify()
            raise

    def _start_ahead(self) -> None:
        """Start a worker for the idle list now, on a thread (after a cancel killed one).

        A run cancelled by its caller is usually followed by another one at once (an agent that
        changed its mind); it should not wait for an engine to start.
        """
        with self.cond:
            if self.closed or self.count >= self.size:
                return
            self.count += 1

        def start() -> None:
            fresh: _Worker | None = None
            try:
                fresh = _Worker(self.lang, self.policy, self.raw)
                _check_required(self.lang, self.lpol.require, fresh.layers, fresh.missing)
            except BaseException:  # noqa: BLE001 - the next run starts one itself and reports why
                if fresh is not None:
                    fresh.kill()
                fresh = None
            with self.cond:
                if fresh is not None and not self.closed:
                    self.idle.append(fresh)
                    fresh = None
                else:
                    self.count -= 1
                self.cond.notify()
            if fresh is not None:
                fresh.kill()

        threading.Thread(target=start, name=f"sandboxes-{self.lang}-start", daemon=True).start()

    def _release(self, w: _Worker, healthy: bool) -> None:
        if not healthy or w.runs >= self.lpol.worker_max_runs or self.closed:
            w.kill()
            with self.cond:
                self.count -= 1
                self.cond.notify()
            return
        with self.cond:
            self.idle.append(w)
            self.cond.notify()

    def run(self, code: str, stdin: str, limits: Limits) -> Result:
        control = current()
        for _attempt in range(3):
            w = self._acquire()
            job = _job(code, stdin, limits, control, w.runs)
            if control is not None and control.cancelled:  # while it waited for a worker
                self._release(w, True)
                return _finish(cancelled_result(self.lang), w.layers, w.missing, "long-lived")
            if w.reader.has_more():
                # Bytes nobody asked for: a run's guest took over the worker and wrote ahead, to pass
                # its own frame off as the next run's result. The worker is replaced.
                log.warning("the %s worker wrote a result frame out of turn; it is replaced", self.lang)
                self._release(w, False)
                continue
            try:
                write_all(w.job_w, job)
            except OSError:  # the worker died while idle: the job never started, take another
                self._release(w, False)
                continue
            return self._finish_run(w, limits, control)
        return _ending(self.lang, None, deadline_kill=False)

    def _finish_run(self, w: _Worker, limits: Limits, control: RunControl | None = None) -> Result:
        healthy = False
        # Cancelling asks the worker to stop the run (its engine terminates the guest: a result frame
        # follows and the worker stays); one that does not is killed (end of file; it is replaced).
        backstops: list[threading.Timer] = []
        seq = w.runs
        uncancel = control.on_cancel(lambda: backstops.append(w.cancel(seq))) if control is not None else None
        try:
            t0 = time.monotonic()
            # Go's worker builds and compiles a new program before its run: the call may take the
            # compile budget on top of the run's timeout (the worker's own budgets stop each part).
            compile_s = float(getattr(self.lpol, "compile_timeout_s", 0.0) or 0.0)
            deadline = (t0 + compile_s + limits.timeout_s + WORKER_GRACE_S
                        if limits.timeout_s is not None else None)
            result: Result
            try:
                try:
                    frame = _read_result(w.reader, limits, deadline, control)
                finally:
                    if uncancel is not None:
                        uncancel()
                    for backstop in backstops:
                        backstop.cancel()
            except FrameTimeout:
                result = _ending(self.lang, None, deadline_kill=True)
            except FrameTooLarge:
                result = Result(self.lang, Status.OUTPUT_LIMIT, stderr="output limit exceeded\n",
                                extra={"stopped_by": "process", "stop_detail": "result larger than the byte cap"})
            except ValueError as e:  # _Forged too
                result = _forged_result(self.lang, str(e) if isinstance(e, _Forged) else "not a JSON frame")
            else:
                if frame is None and control is not None and control.cancelled:
                    result = cancelled_result(self.lang, "the worker was killed")
                elif frame is None or (isinstance(frame, dict) and set(frame) == {"failed"}):
                    # the worker ended (EOF), or its runtime failed outside any run and it exits
                    if frame is not None:
                        log.warning("the %s worker failed: %.200r", self.lang, frame["failed"])
                    try:
                        code = w.proc.wait(timeout=EXIT_WAIT_S)
                    except subprocess.TimeoutExpired:
                        code = None
                    result = _ending(self.lang, None if code is None else _wait_status(code), deadline_kill=False,
                                     engine_stderr=w.stderr.text() if code is not None else "")
                else:
                    try:
                        # a worker whose engine cannot be trusted with another run (e.g. a V8 isolate stuck
                        # in a builtin that ignores termination) asks to be replaced
                        retire = frame.pop("retire", False) if isinstance(frame, dict) else False
                        if type(retire) is not bool:
                            raise _Forged("retire is not a bool")
                        if w.reader.has_more():
                            raise _Forged("more than one result frame")
                        result = _from_frame(self.lang, frame, limits)
                        healthy = not retire
                    except _Forged as e:
                        result = _forged_result(self.lang, str(e))  # and the worker is replaced
            w.runs += 1
            if control is not None and control.cancelled and result.extra.get("stopped_by") != "cancelled":
                result = cancelled_result(self.lang, "the worker stopped it")  # the run's own ending is moot
            return _finish(result, w.layers, w.missing, "long-lived")
        finally:
            self._release(w, healthy)
            if control is not None and control.cancelled and not healthy:
                self._start_ahead()

    def close(self) -> None:
        with self.cond:
            self.closed = True
            idle, self.idle = self.idle, []
            self.cond.notify_all()
        for w in idle:
            w.kill()

    def abandon(self) -> None:
        """In a forked child: drop the parent's workers without touching them (their pipes are closed)."""
        for w in self.idle:
            w.job_w = w.res_r = w.cancel_w = -1
        self.idle = []


class _WasmPythonPool(_WorkerPool):
    """The wasm Python engine (``python.engine: wasm``) in long-lived confined workers, as Go's wasmtime.

    Each worker loads the compiled snapshot from the authenticated cache before it confines itself
    (``WasmPythonRuntime.prepare_process``) and runs every job in a fresh store and instance. The
    one-off build is this process's, before any worker starts: a worker only loads.
    """

    def __init__(self, lang: str, policy: Policy, raw: bool) -> None:
        py = policy.python
        if py.wasm_cache_dir is None and not raw:
            # The default cache is under the user's cache directory, which the worker's scrubbed
            # environment (no HOME, no XDG_CACHE_HOME) cannot name: this process says which it is.
            from ..python.wasm._module import cache_root

            policy = dataclasses.replace(policy, python=dataclasses.replace(
                py, wasm_cache_dir=str(cache_root(None))))
        super().__init__(lang, policy, raw)

    def run(self, code: str, stdin: str, limits: Limits) -> Result:
        from ..python.wasm import WasmPythonRuntime

        if not self.raw:
            pending = WasmPythonRuntime.build_pending(self.lpol)  # type: ignore[arg-type]
            if pending is not None:
                return pending
        return super().run(code, stdin, limits)


def _wait_status(returncode: int) -> int:
    """Turn a Popen returncode back into a wait status for ``_ending``."""
    if returncode < 0:
        return -returncode & 0x7F
    return (returncode & 0xFF) << 8


# ----------------------------------------------------------------- public

_backends: weakref.WeakSet[WorkerBackend] = weakref.WeakSet()


class WorkerBackend(Closeable):
    """Runs one language's code in confined worker processes. Thread-safe; a context manager.

    ``run`` never raises for what the guest does. It raises
    ``RuntimeUnavailableError`` when the policy ``require``s a layer this
    machine lacks (fail closed), and ``ClosedError`` after ``close()``.
    """

    def __init__(self, lang: str, policy: Policy, *, _raw: bool = False) -> None:
        self.lang = _registry.canonical(lang)
        self.policy = policy
        self._raw = _raw
        self._impl = self._new_impl()
        self._closed = False
        _backends.add(self)

    def _new_impl(self) -> _ForkPool | _WorkerPool:
        if _registry.is_wasm_python(self.lang, self.policy.python):
            return _WasmPythonPool(self.lang, self.policy, self._raw)
        if self.lang == "python":
            return _ForkPool(self.lang, self.policy, self._raw)
        return _WorkerPool(self.lang, self.policy, self._raw)

    def _after_fork_in_child(self) -> None:
        """In a child forked from the host: forget the parent's server/workers, start empty.

        Their pipes and sockets are already closed (``_fds``); nothing of theirs is signalled,
        waited for or shut down, since they still serve the parent. The next run starts this
        process's own fork server or workers.
        """
        self._impl.abandon()
        self._impl = self._new_impl()

    def run(self, code: str, *, stdin: str = "", limits: Limits | None = None) -> Result:
        if self._closed:
            raise ClosedError("this WorkerBackend is closed")
        limits = limits if limits is not None else self.policy.for_language(self.lang).limits
        return self._impl.run(code, stdin, limits)

    def close(self) -> None:
        """Stop the server/workers and every child. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._impl.close()


@atexit.register
def _close_all() -> None:
    for b in list(_backends):
        try:
            b.close()
        except Exception:
            pass


# ----------------------------------------------------------------- fork safety

def _before_fork() -> None:
    _fds.lock.acquire()


def _after_fork_in_parent() -> None:
    _fds.lock.release()


def _after_fork_in_child() -> None:
    """A child forked from the host starts with no server, no worker and no thread of this layer.

    The parent's processes, pipes and threads are the parent's: a child that shared them took
    its siblings' spares and results ("worker crashed") and then waited for a reader thread it
    did not have (three times ``START_TIMEOUT_S``). Here the child closes every descriptor of
    the layer (never shutting a socket down: that would cut the parent's connection too),
    gets a spawner thread of its own, and each ``WorkerBackend`` starts afresh on its next run.
    Locks another thread held at the fork are replaced, not released.
    """
    global _spawner, _fds, _warned, _warned_lock
    _warned, _warned_lock = set(), threading.Lock()  # the child is a process of its own: it says it too
    inherited, _fds = _fds, _Fds()
    for fd in inherited.fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    _spawner = _Spawner()
    for b in list(_backends):
        b._after_fork_in_child()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent,
                        after_in_child=_after_fork_in_child)


def doctor() -> dict[str, Any]:
    """Which layers of the process sandbox this machine supports, and why not.

    Probes a disposable subprocess that applies every layer to itself in the
    order the workers do. Returns ``{"layers": {name: {"available": bool,
    "reason": str | None}}, "platform", "arch", "root", "drop_root",
    "landlock_abi", "pidfd"}``.
    """
    argv = [sys.executable, "-I", "-c", _BOOT, _package_root(), "probe"]
    try:
        out = subprocess.run(argv, env=_env(False), cwd="/", stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, timeout=60, check=False).stdout
        report = json.loads(out)
    except (OSError, subprocess.TimeoutExpired, ValueError) as e:
        return {"platform": sys.platform, "error": f"the probe failed: {e}",
                "layers": {n: {"available": False, "reason": "probe failed"} for n in LAYERS}}
    layers = {n: {"available": n in report["layers"], "reason": report["missing"].get(n)} for n in LAYERS}
    return {
        "platform": report["platform"],
        "arch": report["arch"],
        "root": report["euid"] == 0,
        "drop_root": report.get("drop_root"),
        "landlock_abi": report["landlock_abi"],
        "pidfd": report["pidfd"],
        "layers": layers,
    }
