"""The processes of the process layer. Started by the host, never forked from it.

Run as ``python -I -c <bootstrap> <mode> ...`` with a scrubbed environment:

- ``fork``: the fork server of a language whose runtime can be forked
  (Python). It imports the runtime and the policy's allowlisted modules, runs
  one trusted warm-up program, drops root (to nobody), enters new user and
  network namespaces, and then only forks: each child confines itself
  (rlimits, no_new_privs, Landlock, seccomp), reports its layers, waits for
  exactly one job, runs it, writes one result and exits. The server keeps no
  threads and talks to the host over one SOCK_SEQPACKET socket, handing each
  child's two pipe ends to the host with SCM_RIGHTS, so job and result never
  pass through the server.
- ``worker``: a long-lived confined process for engines that cannot be
  forked once started (V8, wasmtime). It confines itself before the engine
  starts any thread (a runtime's ``prepare_process()`` first loads what the
  engine reads from disk: the JS worker drops root and loses file access),
  then runs job after job, each in a fresh isolate/store. A runtime that sets
  ``needs_restart`` after a run (an isolate that could not be stopped) gets
  ``"retire": true`` in its result frame and the worker exits.
- ``probe``: applies every layer to itself in order and prints what worked
  (``doctor()``).

Test-only: when the environment variable ``SANDBOXES_ISOLATION_RAW=1`` is set
(the host sets it only for ``WorkerBackend(..., _raw=True)``), children run
the code as plain host-level Python, bypassing the language layer, so tests
can show that the kernel layers alone stop an escaped guest.
"""

from __future__ import annotations

import base64
import json
import math
import os
import pickle
import resource
import signal
import socket
import sys
import threading
import time
from typing import Any

from . import _kernel
from ._wire import FrameReader, encode, write_all

RAW_ENV = "SANDBOXES_ISOLATION_RAW"
JOB_CAP = 64 << 20  # bytes of one job frame (code + stdin + limits)
# Run by each spare child before its job: touches what typical programs touch (see _child_main).
WARM_UP = "def f(n):\n    return [i * i for i in range(n)]\nprint(sum(f(10)), len('abc'), {'k': 1}.get('k'))\n"
EXIT_MEMORY = 101  # a child ran out of memory outside the runtime (no result written)
EXIT_INTERNAL = 102  # a child failed outside the runtime
EXIT_ORPHAN = 103  # a child whose server was already gone


# ----------------------------------------------------------------- confinement

def _confine_namespaces(layers: list[str], missing: dict[str, str]) -> None:
    """Drop root, then new user + network namespaces. Must run while single-threaded."""
    err = _kernel.unshare_user_net()
    if err is None:
        layers += ["userns", "netns"]
    else:
        missing["userns"] = missing["netns"] = err


def _confine_process(profile: str, layers: list[str], missing: dict[str, str], *,
                     nofile: int, fsize: int | None, nproc: bool, read_only: tuple[str, ...] = (),
                     read_write: tuple[str, ...] = (), landlock: bool = True, all_threads: bool = False) -> None:
    """rlimits, no_new_privs, Landlock, seccomp, in that order, recording each outcome."""
    errs = [
        _kernel.set_rlimit(resource.RLIMIT_CORE, 0),
        _kernel.set_rlimit(resource.RLIMIT_NOFILE, nofile),
    ]
    if fsize is not None:
        errs.append(_kernel.set_rlimit(resource.RLIMIT_FSIZE, fsize))
    if nproc and os.geteuid() != 0:  # RLIMIT_NPROC is not enforced for root
        errs.append(_kernel.set_rlimit(resource.RLIMIT_NPROC, 0))
    errs = [e for e in errs if e]
    if errs:
        missing["rlimits"] = "; ".join(errs)
    else:
        layers.append("rlimits")
    _kernel.set_not_dumpable()
    err = _kernel.set_no_new_privs()
    if err:
        missing["no_new_privs"] = err
    else:
        layers.append("no_new_privs")
    if landlock:
        _abi, err = _kernel.landlock_restrict(read_only, read_write)
        if err:
            missing["landlock"] = err
        else:
            layers.append("landlock")
    else:
        missing["landlock"] = "not applied: this worker needs its toolchain's files"
    err = _kernel.install_seccomp(profile, all_threads=all_threads) if "no_new_privs" in layers else \
        "needs no_new_privs"
    if err:
        missing["seccomp"] = err
    else:
        layers.append("seccomp")


def _apply_run_limits(limits: Any, base_vsz: int, *, address_space: bool) -> None:
    """Per-run rlimits: address space above the warm baseline, CPU seconds from the timeout."""
    if address_space and limits.memory_mb is not None:
        cap = base_vsz + (int(limits.memory_mb) << 20)
        _kernel.set_rlimit(resource.RLIMIT_AS, cap, cap)
    if limits.timeout_s is not None:
        t = os.times()
        cpu = int(math.ceil(t.user + t.system + float(limits.timeout_s))) + 1
        _kernel.set_rlimit(resource.RLIMIT_CPU, cpu, cpu + 1)


# ----------------------------------------------------------------- running one job

def _limits(d: dict[str, Any]) -> Any:
    from ..policy import Limits

    return Limits(**d)


def _run_raw(lang: str, code: str, stdin: str, limits: Any) -> dict[str, Any]:
    """Test-only: host-level Python with no language layer at all."""
    import io
    import traceback

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO(stdin)
    status, exit_code = "ok", 0
    try:
        exec(compile(code, "<raw>", "exec"), {"__name__": "__main__"})
    except MemoryError:
        status, exit_code = "memory_limit", 1
    except SystemExit as e:
        if e.code not in (None, 0):
            status, exit_code = "error", 1
    except BaseException as e:
        status, exit_code = "error", 1
        tb = e.__traceback__.tb_next if e.__traceback__ is not None else None  # guest frames only
        err.write("".join(traceback.format_exception(type(e), e, tb)))
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
    cap = limits.max_output_bytes
    o, e = out.getvalue(), err.getvalue()
    if cap is not None and len(o.encode()) + len(e.encode()) > cap:
        status, o, e = "output_limit", o[:cap], e[: max(0, cap - len(o))]
    return {"lang": lang, "status": status, "stdout": o, "stderr": e, "exit_code": exit_code}


class _OutputFrames:
    """Output frames to the host while a job runs (asked for by ``"stream": true`` in the job).

    One frame per write would cost a JSON encoding and a write per ``print``; a frame goes out
    when ``INTERVAL_S`` has passed since the last one (the first write of a quiet spell goes at
    once), the stream changes, ``HELD_CHARS`` are held, or the runtime asks (``flush_due``) and the
    text is that old. What is still held when the run ends
    reaches the host in the result frame, which holds all the output anyway.
    """

    INTERVAL_S = 0.002
    HELD_CHARS = 1 << 15

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.held: list[str] = []
        self.stream = ""
        self.size = 0
        self.last = 0.0

    def __call__(self, stream: str, text: str) -> None:
        if self.held and stream != self.stream:
            self.flush()
        self.held.append(text)
        self.stream = stream
        self.size += len(text)
        if self.size >= self.HELD_CHARS or time.monotonic() - self.last >= self.INTERVAL_S:
            self.flush()

    def flush_due(self) -> None:
        """What is held goes out once it is ``INTERVAL_S`` old (``RunControl.flush``: the runtime's
        periodic check, a sleep, a look at V8's buffer), not only at the next write."""
        if self.held and time.monotonic() - self.last >= self.INTERVAL_S:
            self.flush()

    def flush(self) -> None:
        if self.held:
            write_all(self.fd, encode({"out": self.stream, "text": "".join(self.held)}))
            self.held, self.size = [], 0
        self.last = time.monotonic()


class _Cancels:
    """A long-lived worker's thread that reads run numbers from the host and cancels that run.

    Started after confinement. A number that is not the current run's (it ended meanwhile) is
    ignored: a late cancel never stops the next run.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.lock = threading.Lock()
        self.seq: int | None = None
        self.control: Any = None
        threading.Thread(target=self._loop, name="sandboxes-cancels", daemon=True).start()

    def running(self, seq: Any, control: Any) -> None:
        with self.lock:
            self.seq, self.control = (seq, control) if type(seq) is int else (None, None)

    def _loop(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self.fd, 64)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk
            while len(buf) >= 8:
                seq, buf = int.from_bytes(buf[:8], "big"), buf[8:]
                with self.lock:
                    control = self.control if seq == self.seq else None
                if control is not None:
                    control.cancel()


def _run_job(runtime: Any, lang: str, job: dict[str, Any], raw: bool, res_fd: int = -1,
             cancels: _Cancels | None = None) -> dict[str, Any]:
    limits = _limits(job["limits"])
    if raw:
        return _run_raw(lang, job["code"], job["stdin"], limits)
    token = None
    if (job.get("stream") is True and res_fd >= 0) or cancels is not None:
        from .._control import RunControl

        frames = _OutputFrames(res_fd) if job.get("stream") is True and res_fd >= 0 else None
        control = RunControl(frames, max_output_bytes=limits.max_output_bytes)
        if cancels is not None:
            cancels.running(job.get("seq"), control)
        token = control.bind()
    try:
        result = runtime.run(job["code"], stdin=job["stdin"], limits=limits)
        return result.to_dict()  # type: ignore[no-any-return]
    except MemoryError:
        return {"lang": lang, "status": "memory_limit", "stderr": "MemoryError\n", "exit_code": 1}
    finally:
        if cancels is not None:
            cancels.running(None, None)
        if token is not None:
            from .._control import RunControl

            RunControl.unbind(token)


# ----------------------------------------------------------------- fork server

class _ForkServer:
    def __init__(self, ctl: socket.socket, cfg: dict[str, Any]) -> None:
        self.ctl = ctl
        self.lang = cfg["lang"]
        self.policy = pickle.loads(base64.b64decode(cfg["policy"]))
        self.lpol = self.policy.for_language(self.lang)
        self.host_pid = int(cfg["host_pid"])
        self.raw = os.environ.get(RAW_ENV) == "1"
        self.children: dict[int, tuple[int, int | None]] = {}  # id -> (pid, pidfd)
        self.next_id = 0
        self.layers: list[str] = []
        self.missing: dict[str, str] = {}
        self.runtime: Any = None
        self.devnull = -1
        self.warm_limits: Any = None

    def prepare(self) -> None:
        """Import and warm everything a child needs, then drop privileges. Still single-threaded after."""
        import importlib

        from .. import _registry

        if not self.raw:
            cls: Any = _registry.runtime_class(self.lang)
            try:  # a runtime that knows it owns its process needs no watchdog thread and no memory accounting
                self.runtime = cls(self.lpol, owns_process=True)
            except TypeError:
                self.runtime = cls(self.lpol)
            if hasattr(self.runtime, "owns_process"):
                self.runtime.owns_process = True  # children may use signals and process-wide limits
        for name in getattr(self.lpol, "modules", ()):
            try:
                importlib.import_module(name)
            except Exception:  # an allowlisted module missing here simply stays unavailable
                pass
        import io  # noqa: F401  (raw mode and tracebacks)
        import traceback  # noqa: F401

        if self.runtime is not None:  # trusted warm-up: imports, caches, first compilation
            if hasattr(self.runtime, "preload"):
                self.runtime.preload()
            self.warm_limits = _limits({**_limits_dict(self.lpol.limits), "timeout_s": 30.0,
                                        "max_output_bytes": 1 << 16})
            self.runtime.run(WARM_UP, stdin="", limits=self.warm_limits)
        import gc

        gc.freeze()  # children's collections then skip the server's objects: fewer copy-on-write faults
        if threading.active_count() != 1:
            raise RuntimeError(f"the {self.lang} runtime started threads; a fork server cannot fork safely")
        self.devnull = os.open(os.devnull, os.O_RDWR)
        err = _kernel.drop_to_nobody()
        if err:
            self.missing["drop_root"] = err
        # the credential change cleared PDEATHSIG: set it again, then close the race with our parent
        _kernel.set_pdeathsig(signal.SIGKILL)
        if os.getppid() != self.host_pid:
            os._exit(0)
        _confine_namespaces(self.layers, self.missing)

    def serve(self) -> None:
        import select

        self.ctl.send(json.dumps({"t": "ready", "layers": self.layers, "missing": self.missing,
                                  "uid": os.getuid(), "pid": os.getpid()}).encode())
        poller = select.poll()
        poller.register(self.ctl.fileno(), select.POLLIN)
        by_pidfd: dict[int, int] = {}
        use_pidfd = hasattr(os, "pidfd_open")
        while True:
            events = poller.poll(None if use_pidfd else 50)
            for fd, _ev in events:
                if fd == self.ctl.fileno():
                    try:
                        data = self.ctl.recv(1 << 16)
                    except OSError:
                        data = b""
                    if not data:
                        self.shutdown()
                        return
                    msg = json.loads(data)
                    if msg["t"] == "fork":
                        for _ in range(int(msg.get("n", 1))):
                            cid, pidfd = self.fork_child()
                            if pidfd is not None:
                                by_pidfd[pidfd] = cid
                                poller.register(pidfd, select.POLLIN)
                    elif msg["t"] == "kill":
                        entry = self.children.get(int(msg["id"]))
                        if entry is not None:
                            self.kill(entry)
                elif fd in by_pidfd:
                    poller.unregister(fd)
                    self.reap(by_pidfd.pop(fd))
            if not use_pidfd:
                for cid in list(self.children):
                    self.reap(cid, block=False)

    def kill(self, entry: tuple[int, int | None]) -> None:
        pid, pidfd = entry
        try:
            if pidfd is not None:
                signal.pidfd_send_signal(pidfd, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
        except OSError:
            pass

    def reap(self, cid: int, block: bool = True) -> None:
        pid, pidfd = self.children[cid]
        try:
            got, status = os.waitpid(pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            got, status = pid, 0
        if got == 0:
            return
        del self.children[cid]
        if pidfd is not None:
            os.close(pidfd)
        self.ctl.send(json.dumps({"t": "exit", "id": cid, "status": status}).encode())

    def fork_child(self) -> tuple[int, int | None]:
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        server_pid = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            _child_main(job_r, res_w, self, server_pid)
        os.close(job_r)
        os.close(res_w)
        pidfd = None
        if hasattr(os, "pidfd_open"):
            try:
                pidfd = os.pidfd_open(pid)
            except OSError:
                pidfd = None
        cid = self.next_id
        self.next_id += 1
        self.children[cid] = (pid, pidfd)
        try:
            socket.send_fds(self.ctl, [json.dumps({"t": "spare", "id": cid, "pid": pid}).encode()],
                            [job_w, res_r])
        finally:
            os.close(job_w)
            os.close(res_r)
        return cid, pidfd

    def shutdown(self) -> None:
        for entry in list(self.children.values()):
            self.kill(entry)
        for cid in list(self.children):
            self.reap(cid)


def _limits_dict(limits: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(limits)


def _child_main(job_r: int, res_w: int, srv: _ForkServer, server_pid: int) -> None:
    """One confined run of guest code. Always ends in ``os._exit``."""
    code = EXIT_INTERNAL
    try:
        _kernel.set_pdeathsig(signal.SIGKILL)
        if os.getppid() != server_pid:
            os._exit(EXIT_ORPHAN)
        for std in (0, 1, 2):
            os.dup2(srv.devnull, std)
        keep = sorted((job_r, res_w))
        os.closerange(3, keep[0])
        os.closerange(keep[0] + 1, keep[1])
        os.closerange(keep[1] + 1, 1 << 16)
        layers, missing = list(srv.layers), dict(srv.missing)
        base_vsz = _kernel.address_space_bytes()
        _confine_process("child", layers, missing, nofile=16, fsize=0, nproc=True)
        if srv.runtime is not None:
            # Trusted warm-up while still a spare, off the critical path: a forked child's first run pays
            # for copy-on-write faults on every page the runtime touches (about 1.5 ms here, 0.2 ms after).
            # A source the server never compiled, so the compiler's pages are touched too.
            srv.runtime.run(WARM_UP + "print(0)\n", stdin="", limits=srv.warm_limits)
        write_all(res_w, encode({"layers": layers, "missing": missing}))
        job = FrameReader(job_r).read(cap=JOB_CAP, deadline=None)
        if job is None:  # the host dropped this spare
            os._exit(0)
        _apply_run_limits(_limits(job["limits"]), base_vsz, address_space=True)
        out = _run_job(srv.runtime, srv.lang, job, srv.raw, res_w)
        write_all(res_w, encode(out))
        code = 0
    except MemoryError:
        code = EXIT_MEMORY
    except BaseException:
        code = EXIT_INTERNAL
    finally:
        os._exit(code)


# ----------------------------------------------------------------- long-lived worker

# Shared libraries that engines load lazily (e.g. libgcc_s for unwinding); code, not secrets.
_SYSTEM_LIBS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/etc/ld.so.cache")


def _os_threads() -> int:
    """Threads of this process as the kernel counts them (native ones included)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _serve_worker(reader: FrameReader, res_fd: int, cfg: dict[str, Any], cancel_fd: int = -1) -> None:
    """A confined process that runs job after job in fresh isolates/stores of an in-process runtime."""
    from .. import _registry

    lang = cfg["lang"]
    policy = pickle.loads(base64.b64decode(cfg["policy"]))
    lpol = policy.for_language(lang)
    raw = os.environ.get(RAW_ENV) == "1"
    wasm = _registry.is_wasm_python(lang, lpol)
    cls = None if raw else _registry.worker_runtime_class(lang, lpol)  # import the engine's Python modules now
    prepare = getattr(cls, "prepare_process", None)
    if prepare is not None:  # the engine's files (native library, data) are loaded before Landlock and the uid drop
        if wasm:
            prepare(lpol)  # the compiled snapshot, from the authenticated cache
        else:
            prepare()
    threads = _os_threads()
    if threads != 1:
        # Landlock binds only the calling thread and unshare(CLONE_NEWUSER) refuses a threaded
        # process: a thread started before confinement (an engine initialised too early) would run
        # unconfined. The engine's own threads start on the first run, after this point.
        raise RuntimeError(f"the {lang} engine started {threads - 1} thread(s) before confinement")
    layers: list[str] = []
    missing: dict[str, str] = {}
    toolchain = lang == "go"
    # What the worker may still read after Landlock: the interpreter, this package, the engine's files
    # (code, not secrets); what it may write: the Go build and module caches only.
    read_only = tuple(dict.fromkeys([sys.prefix, sys.base_prefix, *_SYSTEM_LIBS, *cfg.get("read_only", ())]))
    read_write: tuple[str, ...] = ("/dev/null",)
    if toolchain:
        cache = cfg.get("cache_dir")
        if cache:
            os.makedirs(cache, mode=0o700, exist_ok=True)
            read_write += (cache,)
    else:
        err = _kernel.drop_to_nobody()
        if err:
            missing["drop_root"] = err
        _kernel.set_pdeathsig(signal.SIGKILL)
        if os.getppid() != int(cfg["host_pid"]):
            os._exit(0)
    _confine_namespaces(layers, missing)
    _confine_process("toolchain" if toolchain else "threads", layers, missing,
                     nofile=256, fsize=None if toolchain else 0, nproc=False,
                     read_only=read_only, read_write=read_write, all_threads=True)
    runtime: Any = None
    if cls is not None:
        try:  # a runtime that knows it owns its process may spend a little time per run checking its engine
            runtime = cls(lpol, owns_process=True)
        except TypeError:
            runtime = cls(lpol)
    write_all(res_fd, encode({"layers": layers, "missing": missing}))
    cancels = _Cancels(cancel_fd) if cancel_fd >= 0 else None
    while True:
        job = reader.read(cap=JOB_CAP, deadline=None)
        if job is None:
            break
        out = _run_job(runtime, lang, job, raw, res_fd, cancels)
        retire = bool(getattr(runtime, "needs_restart", False))
        if retire:  # the engine is in a state no further run may share (the host replaces this worker)
            out["retire"] = True
        write_all(res_fd, encode(out))
        if retire:
            os._exit(0)
    if runtime is not None:
        runtime.close()


# ----------------------------------------------------------------- probe (doctor)

def _probe() -> dict[str, Any]:
    """Apply each layer to this disposable process in the real order and say what worked."""
    out: dict[str, Any] = {"platform": sys.platform, "arch": _kernel.ARCH, "euid": os.geteuid(),
                           "landlock_abi": _kernel.landlock_abi(), "pidfd": hasattr(os, "pidfd_open")}
    layers: list[str] = []
    missing: dict[str, str] = {}
    if not _kernel.IS_LINUX:
        for name in ("rlimits", "no_new_privs", "seccomp", "landlock", "userns", "netns"):
            missing[name] = "not Linux"
        out.update(layers=layers, missing=missing)
        return out
    err = _kernel.drop_to_nobody()
    out["drop_root"] = "not root" if out["euid"] != 0 else (err or "ok: nobody (65534)")
    _confine_namespaces(layers, missing)
    _confine_process("child", layers, missing, nofile=64, fsize=0, nproc=True)
    out.update(layers=layers, missing=missing)
    return out


# ----------------------------------------------------------------- entry point

def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "probe":
        report = json.dumps(_probe()).encode()
        write_all(1, report)
        os._exit(0)
    _kernel.set_pdeathsig(signal.SIGKILL)
    if mode == "fork":
        ctl = socket.socket(fileno=int(argv[1]))
        cfg = json.loads(ctl.recv(1 << 20))
        if os.getppid() != int(cfg["host_pid"]):
            os._exit(0)
        srv = _ForkServer(ctl, cfg)
        try:
            srv.prepare()
        except BaseException as e:
            ctl.send(json.dumps({"t": "failed", "error": f"{type(e).__name__}: {e}"}).encode())
            os._exit(1)
        srv.serve()
        os._exit(0)
    if mode == "worker":
        job_fd, res_fd = int(argv[1]), int(argv[2])
        cancel_fd = int(argv[3]) if len(argv) > 3 else -1
        reader = FrameReader(job_fd)
        cfg = reader.read(cap=JOB_CAP, deadline=time.monotonic() + 30) or {}
        if os.getppid() != int(cfg.get("host_pid", -1)):
            os._exit(0)
        try:
            _serve_worker(reader, res_fd, cfg, cancel_fd)
        except BaseException as e:
            try:
                write_all(res_fd, encode({"failed": f"{type(e).__name__}: {e}"}))
            except OSError:
                pass
            os._exit(1)
        os._exit(0)
    raise SystemExit(f"unknown mode {mode!r}")
