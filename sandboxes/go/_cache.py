"""Compiled Go modules: an LRU in memory over a directory on disk shared by every process.

wasmtime deserializes native code without checking it, so nothing is loaded
from disk that this user's own processes did not write: each file carries an
HMAC-SHA256 of its content, its cache key and its tier, keyed by a 32-byte
secret in the cache directory (``.key``: created once, mode 0600, owner and
mode checked on every open, never followed through a symlink). A file whose MAC
does not verify is deleted and the program is compiled again. The file is
read into memory, verified, then deserialized from those same bytes, so it
cannot change between the check and the load.

Both layers are bounded in bytes, not only in entries: a 600-byte program can
fold a 32 MiB constant into its module. The disk layer drops its least
recently used files (by mtime, refreshed on every hit) beyond its bound.
"""

from __future__ import annotations

import ctypes
import hashlib
import hmac
import logging
import os
import secrets
import shutil
import stat
import threading
from collections import OrderedDict
from pathlib import Path

import wasmtime
from wasmtime import _ffi as ffi

from ._wasm import TIERS, engines

log = logging.getLogger("sandboxes.go")

MAGIC = b"SBXGOM1\n"
_MAC_BYTES = 32
_KEY_BYTES = 32
_SUFFIX = ".cwasm"


def _private_file(fd: int) -> bool:
    st = os.fstat(fd)
    return stat.S_ISREG(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077


def load_secret(directory: Path) -> bytes:
    """The MAC key of ``directory`` (created on first use). Raises ``OSError`` if it is not private."""
    path = directory / ".key"
    for _ in range(50):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            tmp = directory / f".key.{secrets.token_hex(8)}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            try:
                os.write(fd, secrets.token_bytes(_KEY_BYTES))
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(tmp, path)  # atomic: a concurrent process's key wins, never a half-written one
            except FileExistsError:
                pass
            finally:
                os.unlink(tmp)
            continue
        try:
            if not _private_file(fd):
                raise OSError(f"{path} is not a private file of this user (mode 0600, our uid)")
            key = os.read(fd, _KEY_BYTES + 1)
        finally:
            os.close(fd)
        if len(key) != _KEY_BYTES:
            raise OSError(f"{path} does not hold a {_KEY_BYTES}-byte key")
        return key
    raise OSError(f"cannot create {path}")


def _mac(secret: bytes, key: str, tier: str, payload: bytes | memoryview) -> bytes:
    h = hmac.new(secret, MAGIC + key.encode() + b"\0" + tier.encode() + b"\0", hashlib.sha256)
    h.update(payload)
    return h.digest()


def _read_all(fd: int, size: int) -> bytearray:
    """The file's ``size`` bytes (fewer if it is shorter now), read once into memory of our own."""
    buf = bytearray(size)
    view, got = memoryview(buf), 0
    while got < size:
        n = os.readv(fd, [view[got:]])
        if n == 0:
            break
        got += n
    view.release()
    del buf[got:]
    return buf


def _deserialize(engine: wasmtime.Engine, data: bytearray, offset: int) -> wasmtime.Module:
    """``Module.deserialize`` of ``data[offset:]``, from those very bytes (the ones the MAC verified).

    wasmtime-py's own copies its argument twice (a ``bytes`` slice, then a ctypes array) while
    holding the interpreter lock: about 6 ms of a 12 MB module's load, in which no other thread
    of the batch could run. wasmtime copies the code into its own memory anyway.
    """
    size = len(data) - offset
    if size <= 0:
        raise ValueError("no module in the file")
    ptr = ctypes.POINTER(ffi.wasmtime_module_t)()
    error = ffi.wasmtime_module_deserialize(engine.ptr(), (ctypes.c_uint8 * size).from_buffer(data, offset), size,
                                            ctypes.byref(ptr))
    if error:
        raise wasmtime.WasmtimeError._from_ptr(error)
    return wasmtime.Module._from_ptr(ptr)


def _remove_old_spill_dirs(base: Path) -> None:
    """Remove the per-process spill directories (``p<pid>-<hex>``) of earlier versions whose process is gone."""
    uid = os.getuid()
    for d in base.glob("p*-*"):
        try:
            pid = int(d.name[1:].split("-", 1)[0])
            if d.is_symlink() or not d.is_dir() or d.stat().st_uid != uid:
                continue
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(d, ignore_errors=True)
        except (ValueError, OSError):
            continue


class ModuleCache:
    """``get``/``put`` compiled modules by cache key; memory first, then the authenticated disk layer."""

    MAX_MEMORY_BYTES = 256 << 20
    MAX_ENTRY_BYTES = 64 << 20  # a bigger module is not kept: built again if it comes back
    # Not written to disk beyond this (hello world is ~11 MB on the quick tier): a program whose
    # constants fold into tens of MiB would otherwise leave them on the host's disk per variant.
    MAX_DISK_ENTRY_BYTES = 24 << 20
    DISK_SLACK = 0.9  # eviction goes down to this fraction of the bound

    def __init__(self, root: Path | None, entries: int, *, disk_bytes: int = 2 << 30) -> None:
        self.entries = entries
        self.disk_bytes = disk_bytes
        self._mem: OrderedDict[str, tuple[str, wasmtime.Module, bytes | None]] = OrderedDict()
        self._sizes: dict[str, int] = {}
        self._mem_bytes = 0
        self._lock = threading.Lock()
        self._dir: Path | None = None
        self._secret = b""
        self._disk_used = 0
        self.problem = ""  # why there is no disk layer, if there is none
        if root is not None and disk_bytes > 0:
            from ._toolchain import private_dir

            try:
                base = private_dir(root)
                _remove_old_spill_dirs(base)
                self._secret = load_secret(base)
                self._dir = base
                self._disk_used = sum(size for _, size, _ in self._files())
            except OSError as e:
                self.problem = str(e)
                log.warning("the Go module cache on disk is disabled: %s", e)
                self._dir = None

    # -- disk -----------------------------------------------------------------
    def _path(self, key: str) -> Path:
        assert self._dir is not None
        if not key or not all(c in "0123456789abcdef" for c in key):
            raise ValueError("cache keys are lowercase hex")
        return self._dir / f"{key}{_SUFFIX}"

    def _files(self) -> list[tuple[str, int, float]]:
        out: list[tuple[str, int, float]] = []
        if self._dir is None:
            return out
        try:
            with os.scandir(self._dir) as it:
                for e in it:
                    if e.name.endswith(_SUFFIX) and not e.name.startswith("."):
                        try:
                            st = e.stat(follow_symlinks=False)
                        except OSError:
                            continue
                        out.append((e.path, st.st_size, st.st_mtime))
        except OSError:
            pass
        return out

    def _load(self, key: str) -> tuple[str, wasmtime.Module, int] | None:
        if self._dir is None:
            return None
        path = self._path(key)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not _private_file(fd) or st.st_size > self.MAX_DISK_ENTRY_BYTES + 4096:
                raise ValueError("not a private file of ours")
            data = _read_all(fd, st.st_size)
            if not data.startswith(MAGIC):
                raise ValueError("bad header")
            n = data[len(MAGIC)]
            tier = data[len(MAGIC) + 1:len(MAGIC) + 1 + n].decode("ascii", "replace")
            start = len(MAGIC) + 1 + n
            mac, payload = bytes(data[start:start + _MAC_BYTES]), memoryview(data)[start + _MAC_BYTES:]
            if tier not in TIERS or not hmac.compare_digest(mac, _mac(self._secret, key, tier, payload)):
                raise ValueError("MAC does not verify")
            size = len(payload)
            payload.release()
            module = _deserialize(engines().engines[tier], data, start + _MAC_BYTES)
        except (ValueError, IndexError, OSError, wasmtime.WasmtimeError) as e:
            log.warning("refused a Go module cache file (%s): removed, it will be compiled again", e)
            self._unlink(path)
            return None
        finally:
            os.close(fd)
        try:
            os.utime(path)  # least recently used goes first
        except OSError:
            pass
        return tier, module, size

    def _store(self, key: str, tier: str, payload: bytes) -> None:
        if self._dir is None:
            return
        path = self._path(key)
        tmp = self._dir / f".{key}.{secrets.token_hex(4)}"
        head = MAGIC + bytes([len(tier)]) + tier.encode("ascii") + _mac(self._secret, key, tier, payload)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(head)
                fh.write(payload)
            os.replace(tmp, path)
        except OSError as e:
            log.warning("cannot write the Go module cache: %s", e)
            self._unlink(tmp)
            return
        with self._lock:
            self._disk_used += len(head) + len(payload)
            over = self._disk_used > self.disk_bytes
        if over:
            self._evict()

    def _evict(self) -> None:
        files = sorted(self._files(), key=lambda f: f[2])
        used = sum(size for _, size, _ in files)
        target = int(self.disk_bytes * self.DISK_SLACK)
        for p, size, _ in files:
            if used <= target:
                break
            self._unlink(Path(p))
            used -= size
        with self._lock:
            self._disk_used = used

    @staticmethod
    def _unlink(path: Path) -> None:
        try:
            os.unlink(path)
        except OSError:
            pass

    # -- public ---------------------------------------------------------------
    def get(self, key: str) -> tuple[str, wasmtime.Module, bytes | None, str] | None:
        """``(tier, module, wasm kept for a later recompile or None, "memory"|"disk")``, or None."""
        with self._lock:
            hit = self._mem.get(key)
            if hit is not None:
                self._mem.move_to_end(key)
                return hit[0], hit[1], hit[2], "memory"
        loaded = self._load(key)
        if loaded is None:
            return None
        tier, module, size = loaded
        self._remember(key, tier, module, None, size)
        return tier, module, None, "disk"

    def put(self, key: str, tier: str, module: wasmtime.Module, payload: bytes | None,
            wasm: bytes | None = None) -> None:
        """Keep a compiled module (``payload``: its serialized form, also written to disk)."""
        size = len(payload) if payload is not None else len(module.serialize())
        if size > self.MAX_ENTRY_BYTES:
            return
        self._remember(key, tier, module, wasm, size)
        if payload is not None and size <= self.MAX_DISK_ENTRY_BYTES:
            self._store(key, tier, payload)

    def _remember(self, key: str, tier: str, module: wasmtime.Module, wasm: bytes | None, image: int) -> None:
        size = image + (len(wasm) if wasm is not None else 0)
        if size > self.MAX_ENTRY_BYTES:
            return
        with self._lock:
            self._mem_bytes -= self._sizes.pop(key, 0)
            self._mem[key] = (tier, module, wasm)
            self._mem.move_to_end(key)
            self._sizes[key] = size
            self._mem_bytes += size
            while len(self._mem) > self.entries or (self._mem_bytes > self.MAX_MEMORY_BYTES and len(self._mem) > 1):
                old_key, _ = self._mem.popitem(last=False)
                self._mem_bytes -= self._sizes.pop(old_key, 0)

    def drop(self, key: str) -> None:
        """Forget ``key`` in memory and on disk (its optimized successor replaces it)."""
        with self._lock:
            self._mem.pop(key, None)
            self._mem_bytes -= self._sizes.pop(key, 0)
        if self._dir is not None:
            path = self._path(key)
            try:
                size = os.lstat(path).st_size
                os.unlink(path)
            except OSError:
                return
            with self._lock:
                self._disk_used -= size

    @property
    def directory(self) -> Path | None:
        return self._dir

    def __len__(self) -> int:
        return len(self._mem)

    def close(self) -> None:
        """Drop the in-memory modules; the disk layer stays for the next process."""
        with self._lock:
            self._mem.clear()
            self._sizes.clear()
            self._mem_bytes = 0


__all__ = ["MAGIC", "ModuleCache", "load_secret"]
