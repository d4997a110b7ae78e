"""Compiled modules cached across processes on disk, authenticated before they are deserialized."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
import wasmtime

from sandboxes.go import GoRuntime
from sandboxes.go._cache import ModuleCache, load_secret
from sandboxes.go._toolchain import cache_root
from sandboxes.go._wasm import engines
from tests.go.gohelp import child, policy


def _module(text: str = "(module)") -> tuple[wasmtime.Module, bytes]:
    m = wasmtime.Module(engines().engines["quick"], text)
    return m, m.serialize()


def _key(n: int) -> str:
    return f"{n:040x}"


RUN_TWICE = """
import json, sandboxes
src = {src!r}
r = sandboxes.run("go", src)
print(json.dumps({{"status": r.status.value, "stdout": r.stdout, "stderr": r.stderr, "extra": r.extra}}))
"""


def test_a_second_fresh_process_runs_from_disk_without_compiling():
    src = f'package main\n\nimport "fmt"\n\nfunc main() {{ fmt.Println("disk {time.time_ns()}") }}\n'
    outs = []
    for _ in range(2):  # two fresh processes, default policy, the session's cache as their default one
        p = child(RUN_TWICE.format(src=src), timeout=300)
        assert p.returncode == 0, p.stderr[-2000:]
        outs.append(json.loads(p.stdout.strip().splitlines()[-1]))
    first, second = outs
    assert first["status"] == "ok" and first["extra"]["cache"] == "miss" and "compile_s" in first["extra"], first
    assert second["status"] == "ok" and second["stdout"] == first["stdout"]
    assert second["extra"]["cache"] == "disk"
    assert "compile_s" not in second["extra"] and "build_s" not in second["extra"]


def test_memory_hits_say_memory():
    src = f'package main\n\nfunc main() {{ println({time.time_ns()}) }}\n'
    with GoRuntime(policy().go) as rt:
        lim = policy().go.limits
        assert rt.run(src, stdin="", limits=lim).extra["cache"] == "miss"
        assert rt.run(src, stdin="", limits=lim).extra["cache"] == "memory"
    with GoRuntime(policy().go) as rt:  # a new runtime (empty memory), same cache directory
        assert rt.run(src, stdin="", limits=policy().go.limits).extra["cache"] == "disk"


def test_a_tampered_file_is_refused_and_rebuilt(tmp_path):
    module, payload = _module()
    writer = ModuleCache(tmp_path / "m", entries=4)
    writer.put(_key(1), "quick", module, payload)
    path = tmp_path / "m" / f"{_key(1)}.cwasm"
    assert (path.stat().st_mode & 0o777) == 0o600 and ((tmp_path / "m" / ".key").stat().st_mode & 0o777) == 0o600
    hit = ModuleCache(tmp_path / "m", entries=4).get(_key(1))  # another process's view: disk
    assert hit is not None and hit[3] == "disk"

    data = bytearray(path.read_bytes())
    data[-100] ^= 0x01  # one bit of machine code
    path.write_bytes(bytes(data))
    reader = ModuleCache(tmp_path / "m", entries=4)
    assert reader.get(_key(1)) is None and not path.exists()  # refused and removed
    reader.put(_key(1), "quick", module, payload)  # compiled again: written again
    assert ModuleCache(tmp_path / "m", entries=4).get(_key(1))[3] == "disk"


def test_a_disk_hit_deserializes_the_bytes_it_verified_without_copying_them(tmp_path, monkeypatch):
    # wasmtime-py's Module.deserialize copies its argument twice while holding the interpreter lock
    # (6 ms of a 12 MB module: a batch's other thread waited); the loader hands wasmtime the buffer
    # it read and verified. A module that runs proves the bytes are the right ones.
    module, payload = _module('(module (func (export "f") (result i32) i32.const 42))')
    ModuleCache(tmp_path / "m", entries=4).put(_key(2), "quick", module, payload)

    def copying(*args: object) -> None:
        raise AssertionError("the disk layer went through the copying Module.deserialize")

    monkeypatch.setattr(wasmtime.Module, "deserialize", copying)
    hit = ModuleCache(tmp_path / "m", entries=4).get(_key(2))
    assert hit is not None and hit[0] == "quick" and hit[3] == "disk"
    store = wasmtime.Store(engines().engines["quick"])
    store.set_epoch_deadline(1 << 30)  # the engine interrupts at the epoch deadline
    f = wasmtime.Instance(store, hit[1], []).exports(store)["f"]
    assert f(store) == 42
    short = tmp_path / "m" / f"{_key(2)}.cwasm"
    short.write_bytes(short.read_bytes()[:60])  # cut inside the MAC: refused, never deserialized
    assert ModuleCache(tmp_path / "m", entries=4).get(_key(2)) is None and not short.exists()


def test_a_file_moved_to_another_key_or_signed_with_another_secret_is_refused(tmp_path):
    module, payload = _module()
    cache = ModuleCache(tmp_path / "m", entries=0)
    cache.put(_key(1), "quick", module, payload)
    os.replace(tmp_path / "m" / f"{_key(1)}.cwasm", tmp_path / "m" / f"{_key(2)}.cwasm")
    assert cache.get(_key(2)) is None  # the MAC covers the key: another program's module is not this one
    other = ModuleCache(tmp_path / "other", entries=0)
    other.put(_key(3), "quick", module, payload)
    os.replace(tmp_path / "other" / f"{_key(3)}.cwasm", tmp_path / "m" / f"{_key(3)}.cwasm")
    assert cache.get(_key(3)) is None  # valid for another secret only


def test_tampering_through_the_runtime_recompiles():
    src = f'package main\n\nimport "fmt"\n\nfunc main() {{ fmt.Println("tamper {time.time_ns()}") }}\n'
    lim = policy().go.limits
    with GoRuntime(policy().go) as rt:
        assert rt.run(src, stdin="", limits=lim).extra["cache"] == "miss"
    modules = cache_root(policy().go.cache_dir) / "modules"
    newest = max(modules.glob("*.cwasm"), key=lambda p: p.stat().st_mtime_ns)
    data = bytearray(newest.read_bytes())
    data[len(data) // 2] ^= 0xFF
    newest.write_bytes(bytes(data))
    with GoRuntime(policy().go) as rt:
        r = rt.run(src, stdin="", limits=lim)
        assert r.status.value == "ok" and r.extra["cache"] == "miss" and r.stdout.startswith("tamper ")
    with GoRuntime(policy().go) as rt:
        assert rt.run(src, stdin="", limits=lim).extra["cache"] == "disk"


def test_the_key_file_must_be_private_and_ours(tmp_path):
    base = tmp_path / "m"
    ModuleCache(base, entries=1)
    key = base / ".key"
    key.chmod(0o644)
    with pytest.raises(OSError):
        load_secret(base)
    cache = ModuleCache(base, entries=1)  # no disk layer rather than an unprivate one
    assert cache.directory is None and ".key" in cache.problem
    key.unlink()
    (tmp_path / "elsewhere").write_bytes(b"k" * 32)
    key.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OSError):
        load_secret(base)


def test_module_cache_is_bounded_in_bytes_in_memory_and_on_disk(tmp_path):
    # A 600-byte program can fold a 32 MiB constant into its module: entries alone bound nothing.
    module, payload = _module()
    cache = ModuleCache(None, entries=16)
    each = ModuleCache.MAX_ENTRY_BYTES - (4 << 20)
    for k in range(8):
        cache._remember(_key(k), "quick", module, None, each)
    assert len(cache) <= ModuleCache.MAX_MEMORY_BYTES // each and cache._mem_bytes <= ModuleCache.MAX_MEMORY_BYTES
    assert cache.get(_key(7)) is not None  # the newest stays
    cache.put(_key(99), "quick", module, b"\0" * (ModuleCache.MAX_ENTRY_BYTES + 1))  # too big: not kept
    assert cache.get(_key(99)) is None

    disk = ModuleCache(tmp_path / "d", entries=0, disk_bytes=len(payload) * 5)
    for k in range(20):
        disk.put(_key(k), "quick", module, payload)
        os.utime(tmp_path / "d" / f"{_key(k)}.cwasm", (k, k))  # an order of use that mtime can tell
    files = sorted((tmp_path / "d").glob("*.cwasm"))
    assert 1 <= len(files) <= 5 and sum(f.stat().st_size for f in files) <= len(payload) * 5
    assert (tmp_path / "d" / f"{_key(19)}.cwasm").exists()


def test_old_per_process_spill_directories_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    base = tmp_path / "modules"
    base.mkdir(mode=0o700)
    orphan = base / f"p{int(dead.stdout)}-deadbeef"
    orphan.mkdir(mode=0o700)
    (orphan / "m.cwasm").write_bytes(b"x" * 1024)
    alive = base / f"p{os.getpid()}-cafecafe"
    alive.mkdir(mode=0o700)
    ModuleCache(base, entries=1).close()
    assert not orphan.exists() and alive.exists()


def test_cache_keys_never_name_a_path(tmp_path):
    cache = ModuleCache(tmp_path / "m", entries=1)
    with pytest.raises(ValueError):
        cache.get("../../etc/passwd")
