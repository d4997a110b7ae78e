"""The compiled snapshot module: built once (in the background or by ``sandboxes warmup``), cached.

Building it (``_snapshot``) compiles the package's module twice: once instrumented to run the
interpreter's start-up, once as the snapshot; each is a Cranelift compile of ~75 MB of code
(about 40 s on 2 idle cores, more under load). It never runs inside a run's deadline: the build
runs on a background thread of its own, and a run that arrives first waits for it within
``python.wasm_compile_timeout_s`` (apart from its ``timeout_s``), then gets a ``timeout`` saying
the module is still being built (the build goes on).

The compiled snapshot (native code, ~290 MB) is kept on disk in a private directory and
authenticated like Go's modules (``sandboxes.go._cache``: the same 0600 key file scheme, an
HMAC-SHA256 of the file keyed by it, checked before wasmtime sees a byte). The MAC is in a
file beside the module so the module itself can be mapped by wasmtime (``deserialize_file``)
instead of read into memory; it is checked over a read-only mapping of the open descriptor, and
wasmtime then maps that same descriptor (``/proc/self/fd``), so the bytes checked are the file
loaded; only a process of this same user could rewrite it in place afterwards.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import logging
import mmap
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
import wasmtime

from ...errors import RuntimeUnavailableError
from ...go import _cache as gocache
from . import _artifacts, _binary, _engine, _fs, _snapshot

log = logging.getLogger("sandboxes.python.wasm")

_TIER = "pywasm"


def default_cache_dir() -> Path:
    from ...go._toolchain import default_cache_dir as go_default

    return go_default().parent / "python-wasm"


def cache_root(cache_dir: str | None) -> Path:
    return Path(cache_dir).expanduser() if cache_dir else default_cache_dir()


# What of the host the snapshot depends on besides the recipe: the preopened directory (wasi-libc's
# table of preopens is in the snapshot's memory) and the watched growth (``_binary.watch_growth``).
HOST_LAYOUT = f"preopen={_fs.PREOPEN}|lib={_fs.LIB}|refused_growth={_binary.REFUSED_GROWTH_EXPORT}"


def cache_key(tier: str = "optimized") -> str:
    h = hashlib.sha256()
    for part in (_artifacts.SHA256[_artifacts.PYTHON_WASM], _artifacts.SHA256[_artifacts.STDLIB_ZIP],
                 f"recipe={_snapshot.RECIPE}", _snapshot.INIT_CODE, _engine.settings(tier), HOST_LAYOUT):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:40]


# --------------------------------------------------------------------------- the authenticated disk cache

def _load(directory: Path, key: str, engine: wasmtime.Engine, *, remove_bad: bool = True) -> wasmtime.Module | None:
    """The cached module of ``key``, its MAC checked first; ``None`` when absent or refused (and, with
    ``remove_bad``, under the build lock, a refused file is removed so that it is built again)."""
    secret = gocache.load_secret(directory)
    path, mac_path = directory / f"{key}.cwasm", directory / f"{key}.mac"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        mfd = os.open(mac_path, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            if not gocache._private_file(mfd):
                raise ValueError("the MAC file is not a private file of ours")
            mac = os.read(mfd, 64)
        finally:
            os.close(mfd)
        if not gocache._private_file(fd):
            raise ValueError("not a private file of ours")
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as view:
            ok = hmac.compare_digest(mac, gocache._mac(secret, key, _TIER, memoryview(view)))
        if not ok:
            raise ValueError("MAC does not verify")
        proc = f"/proc/self/fd/{fd}"
        if os.path.exists(proc):
            return wasmtime.Module.deserialize_file(engine, proc)
        with os.fdopen(os.dup(fd), "rb") as fh:
            return wasmtime.Module.deserialize(engine, fh.read())
    except (ValueError, OSError, wasmtime.WasmtimeError) as e:
        if not remove_bad:  # without the lock: a file may be mid-replacement; the locked path decides
            return None
        log.warning("refused the wasm Python module cache file (%s): removed, it will be built again", e)
        for p in (path, mac_path):
            try:
                os.unlink(p)
            except OSError:
                pass
        return None
    finally:
        os.close(fd)


def _store(directory: Path, key: str, payload: bytes) -> None:
    secret = gocache.load_secret(directory)
    mac = gocache._mac(secret, key, _TIER, payload)
    for name, body in ((f"{key}.cwasm", payload), (f"{key}.mac", mac)):
        tmp = directory / f".{name}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
            os.replace(tmp, directory / name)
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    for old in directory.glob("*.cwasm"):  # earlier snapshots (another recipe or version)
        if not old.name.startswith(key):
            for p in (old, old.with_suffix(".mac")):
                try:
                    os.unlink(p)
                except OSError:
                    pass


# --------------------------------------------------------------------------- the build

@dataclass
class Ready:
    module: wasmtime.Module
    linker: wasmtime.Linker
    tree: _fs.Tree
    source: str  # "disk" | "built"
    seconds: float
    tier: str  # the engine that compiled the module (``_engine.engine(tier)``)


class Build:
    """The one build of a cache directory's snapshot module of a tier in this process."""

    def __init__(self, root: Path, tier: str = "optimized") -> None:
        self.root = root
        self.tier = tier
        self.done = threading.Event()
        self.ready: Ready | None = None
        self.error: BaseException | None = None
        self.started = time.monotonic()
        self.phase = "starting"
        self.timings: dict[str, float] = {}  # seconds of each phase of a build (warmup reports them)
        self._thread = threading.Thread(target=self._run, name="sandboxes-pywasm-build", daemon=True)
        self._thread.start()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def join(self, timeout_s: float = 5.0) -> None:
        """Wait for the build and for its thread to end, in the kernel too: a worker counts its threads
        next, and ``Thread.join`` returns while the thread's last moments still run."""
        self.done.wait()
        self._thread.join()
        task = f"/proc/self/task/{self._thread.native_id}"
        deadline = time.monotonic() + timeout_s
        while os.path.exists(task) and time.monotonic() < deadline:
            time.sleep(0.001)

    def _run(self) -> None:
        try:
            self.ready = self._build()
        except BaseException as e:  # noqa: BLE001 - reported to every run that asks
            log.warning("the wasm Python module could not be built: %s", e)
            self.error = e
        finally:
            self.done.set()

    def _build(self) -> Ready:
        from ...go._toolchain import private_dir

        t0 = time.monotonic()
        self.phase = "reading the package"
        try:
            # one directory per tier: storing a snapshot removes the others of its directory
            directory = private_dir(self.root / ("modules" if self.tier == "optimized" else f"modules-{self.tier}"))
        except OSError as e:
            raise RuntimeUnavailableError(f"the wasm Python cache directory {self.root} is not usable: "
                                          f"{e.strerror or e}; choose another with python.wasm_cache_dir") from None
        ready = self._load_unlocked(directory, t0)
        if ready is not None:
            return ready
        self.phase = "waiting for another process's build"
        lock = os.open(directory / ".build.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one download and build per cache directory; the others then load it
            try:
                found = _artifacts.find(self.root)
            except RuntimeUnavailableError:
                self.phase = f"downloading {_artifacts.DIST} {_artifacts.VERSION} (~100 MB) with pip"
                t = time.monotonic()
                found = _artifacts.download(self.root)
                self.timings["download_s"] = round(time.monotonic() - t, 1)
            stdlib = _artifacts.read_checked(found.stdlib_zip, _artifacts.STDLIB_ZIP)
            tree = _fs.Tree({f"{_fs.LIB}/{_artifacts.ZIP_GUEST_NAME}": stdlib})
            eng = _engine.engine(self.tier)
            module, source = self._load_or_build(directory, cache_key(self.tier), eng, found, tree)
        finally:
            os.close(lock)
        linker = _engine.make_linker(eng, module)
        self.phase = "ready"
        return Ready(module, linker, tree, source, time.monotonic() - t0, self.tier)

    def _load_unlocked(self, directory: Path, t0: float) -> Ready | None:
        """The cached snapshot, loaded without the build lock when it is there: another process may hold
        the lock for minutes while it builds another key (another recipe or version) in the same
        directory, and a worker about to confine itself waits at most START_TIMEOUT_S. Nothing is
        written or removed here; whatever is missing or refused is the locked path's."""
        key = cache_key(self.tier)
        if not (directory / f"{key}.cwasm").is_file() or not (directory / ".key").is_file():
            return None
        try:
            found = _artifacts.find(self.root)
        except RuntimeUnavailableError:
            return None
        self.phase = "loading the cached module"
        stdlib = _artifacts.read_checked(found.stdlib_zip, _artifacts.STDLIB_ZIP)
        tree = _fs.Tree({f"{_fs.LIB}/{_artifacts.ZIP_GUEST_NAME}": stdlib})
        eng = _engine.engine(self.tier)
        module = _load(directory, key, eng, remove_bad=False)
        if module is None:
            return None
        linker = _engine.make_linker(eng, module)
        self.phase = "ready"
        return Ready(module, linker, tree, "disk", time.monotonic() - t0, self.tier)

    def _load_or_build(self, directory: Path, key: str, eng: wasmtime.Engine, found: _artifacts.Artifacts,
                       tree: _fs.Tree) -> tuple[wasmtime.Module, str]:
        self.phase = "loading the cached module"
        module = _load(directory, key, eng)
        source = "disk"
        if module is None:
            source = "built"
            original = _artifacts.read_checked(found.python_wasm, _artifacts.PYTHON_WASM)
            parsed, instrumented = _snapshot.instrumented(original)
            with _engine.startup_engine() as startup:
                self.phase = "compiling the interpreter for its start-up (1 of 2, unoptimised)"
                t = time.monotonic()
                first = wasmtime.Module(startup, instrumented)
                del instrumented
                self.timings["compile_startup_s"] = round(time.monotonic() - t, 1)
                self.phase = "running the interpreter's start-up"
                t = time.monotonic()
                image, pages, values, _ = _snapshot.initialise(first, parsed, tree, engine=startup)
                del first
                self.timings["startup_s"] = round(time.monotonic() - t, 1)
            snap = _binary.watch_growth(_snapshot.build(original, image, pages, values))
            del image, original
            self.phase = "compiling the snapshot (2 of 2)"
            t = time.monotonic()
            module = wasmtime.Module(eng, snap)
            del snap
            self.timings["compile_snapshot_s"] = round(time.monotonic() - t, 1)
            self.phase = "writing the cache"
            try:
                _store(directory, key, module.serialize())
            except OSError as e:
                log.warning("cannot write the wasm Python module cache: %s", e)
        return module, source


def is_cached(cache_dir: str | None, tier: str = "optimized") -> bool:
    """Whether the snapshot of ``tier`` is in the cache (its MAC is checked by whoever loads it)."""
    directory = cache_root(cache_dir) / ("modules" if tier == "optimized" else f"modules-{tier}")
    key = cache_key(tier)
    return (directory / f"{key}.cwasm").is_file() and (directory / f"{key}.mac").is_file()


_builds: dict[tuple[Path, str], Build] = {}
_builds_lock = threading.Lock()


def start(cache_dir: str | None, tier: str = "optimized") -> Build:
    """The build of ``cache_dir``'s module of ``tier``, started now if it was not (never twice in a process)."""
    root = cache_root(cache_dir)
    with _builds_lock:
        b = _builds.get((root, tier))
        # a missing package or directory is tried again on the next run (cheap); a failed compile is not
        if b is None or (b.done.is_set() and isinstance(b.error, RuntimeUnavailableError)):
            b = _builds[(root, tier)] = Build(root, tier)
        return b


def _after_fork_in_child() -> None:
    global _builds_lock
    _builds_lock = threading.Lock()
    for key, b in list(_builds.items()):  # a build thread of the parent's is not in the child
        if not b.done.is_set():
            del _builds[key]


os.register_at_fork(after_in_child=_after_fork_in_child)

__all__ = ["Build", "Ready", "cache_key", "cache_root", "is_cached", "start"]
