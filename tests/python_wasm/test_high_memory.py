"""Buffers above 2 GiB of linear memory: every host function reads its arguments unsigned, as WASI types
them (a pointer at 0x80000000 or more, read as an i32, was a negative number: Python slicing from the end
of memory, or EFAULT for a valid call).

One CPython program, run natively and in the guest (``memory_mb`` 3000, under a raised
``max_memory_mb``), must print the same; in the guest it checks that its buffers are above 2 GiB. A
small wasm module then passes high pointers to each of our host functions directly (WASI paths, file
and directory reads, clocks, ``poll_oneoff``, ``fd_write``), for the Python engine's file system and
for the Go engine's shims.
"""

from __future__ import annotations

import dataclasses
import shutil
import struct
import subprocess
import time

import pytest

import sandboxes
from tests.python_wasm import wasmhelp

wasmtime = pytest.importorskip("wasmtime")

HIGH = 1 << 31
# A program whose buffers lie above 2 GiB in the guest: numpy's uninitialised arrays (only the pages
# touched are used), and a path string placed there by allocating same-sized strings until one lands
# past 2 GiB (the heap's free space below is used up first). Natively it prints the same lines.
PROGRAM = r"""
import os, sys, random, numpy as np
WASI = sys.platform == 'wasi'
def high(addr):
    assert not WASI or addr & 0xFFFFFFFF >= 2**31, hex(addr & 0xFFFFFFFF)
filler = np.empty(2_000_000_000, dtype=np.uint8)
a = np.empty(300_000_000, dtype=np.uint8)
view = memoryview(a)
high(a.ctypes.data + len(a) - 64)
tail = view[-64:]
tail[:] = bytes(range(64))
print(os.write(1, tail[-8:]))
print(sys.stdout.write(bytes(tail[:8]).hex()))
sys.stdout.flush()
n = sys.stdin.buffer.readinto(view[-16:])
print(n, bytes(view[-16:]))
n = sys.stdin.buffer.raw.readinto(view[-48:-16])
print(n, bytes(view[-48:-48 + n]))
with open(ZIP, 'rb', buffering=0) as f:
    print(f.readinto(view[-22:]), bytes(view[-22:-18]))
    f.seek(-22, 2)
    print(f.readinto(view[-22:]), bytes(view[-22:-18]))
# The heap's free space below 2 GiB, used up by 2 KB strings until one lands above it: the longer path
# libc copies each path into (a buffer it grows to the longest path seen) is then placed above 2 GiB,
# and every path function of WASI is called with a pointer there.
keep = []
for i in range(200_000):
    keep.append(bytes(2000))
    if not WASI or id(keep[-1]) & 0xFFFFFFFF >= 2**31:
        break
high(id(keep[-1]))
path = os.path.dirname(ZIP) + '/.' * 1100 + '/' + os.path.basename(ZIP)
print(os.stat(path).st_size == os.stat(ZIP).st_size, os.path.isfile(path), os.path.exists(path + 'x'))
with open(path, 'rb') as f:
    print(f.read(4))
print(sorted(os.listdir(os.path.dirname(path))) == sorted(os.listdir(os.path.dirname(ZIP))))
del keep
r = os.urandom(50_000_000)
high(id(r) + len(r))
print(len(r), r.count(0) < len(r) // 100)
b = random.Random(7).randbytes(50_000_000)
high(id(b) + len(b))
print(len(b), b[-16:].hex())
"""


def _policy() -> sandboxes.Policy:
    p = wasmhelp.make_policy(memory_mb=3000, timeout_s=60.0)
    limits = dataclasses.replace(p.python.limits, max_memory_mb=4096)
    return dataclasses.replace(p, python=dataclasses.replace(p.python, limits=limits))


def test_a_program_with_buffers_above_2_gib_prints_what_native_cpython_prints(tmp_path):
    native = shutil.which("python3")
    assert native, "native CPython (python3) is needed to compare with"
    zipfile = tmp_path / "python315.zip"
    zipfile.write_bytes(b"PK\x03\x04" + bytes(100) + b"PK\x05\x06" + bytes(18))
    stdin = "hello stdin, and more bytes"
    want = subprocess.run([native, "-I", "-c", f"ZIP = {str(zipfile)!r}\n" + PROGRAM], input=stdin,
                          capture_output=True, text=True, timeout=120)
    assert want.returncode == 0, want.stderr
    with sandboxes.Sandbox(_policy()) as sb:
        r = sb.run("python", "ZIP = '/usr/local/lib/python315.zip'\n" + PROGRAM, stdin=stdin)
    assert (str(r.status), r.stderr) == ("ok", ""), (r.status, r.stderr[-2000:])
    assert r.extra["memory_mb"] > 2300
    assert r.stdout == want.stdout


# ---------------------------------------------------------------------------- host functions, directly

W = wasmhelp.WASI
PAGES = (HIGH >> 16) + 2  # 2 GiB and 128 KiB: everything below lies at 0x80000000 and above
B = HIGH  # base of the modules' data
NAME = b"python315.zip"


def test_python_engine_host_functions_take_pointers_above_2_gib():
    from sandboxes.python.wasm import _fs

    zip_bytes = b"PK\x03\x04" + bytes(30) + b"PK\x05\x06" + bytes(18)
    calls = [
        # stdin into a high iovec, the iovec list and the count written high too
        "(call $fd_read (i32.const 0) (i32.const {iov_in}) (i32.const 1) (i32.const {n1}))",
        "(call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const {name}) (i32.const 13) (i32.const {stat}))",
        "(call $path_open (i32.const 3) (i32.const 0) (i32.const {name}) (i32.const 13) (i32.const 0)"
        " (i64.const 2) (i64.const 0) (i32.const 0) (i32.const {fd}))",
        "(call $fd_seek (i32.load (i32.const {fd})) (i64.const -4) (i32.const 2) (i32.const {pos}))",
        "(call $fd_read (i32.load (i32.const {fd})) (i32.const {iov_zip}) (i32.const 1) (i32.const {n2}))",
        "(call $fd_readdir (i32.const 3) (i32.const {dir}) (i32.const 256) (i64.const 0) (i32.const {n3}))",
        "(call $fd_prestat_dir_name (i32.const 3) (i32.const {pre}) (i32.const 64))",
        "(call $clock_time_get (i32.const 1) (i64.const 0) (i32.const {clock}))",
        "(call $poll_oneoff (i32.const {sub}) (i32.const {evt}) (i32.const 1) (i32.const {n4}))",
        "(call $random_get (i32.const {rand}) (i32.const 64))",
        "(call $fd_write (i32.const 1) (i32.const {iov_out}) (i32.const 1) (i32.const {n5}))",
    ]
    at = {k: B + 0x1000 + 0x100 * i for i, k in enumerate(
        ("iov_in", "n1", "name", "stat", "fd", "pos", "iov_zip", "n2", "dir", "n3", "pre", "clock", "sub", "evt",
         "n4", "rand", "iov_out", "n5", "buf_in", "buf_zip"))}
    data = ((at["iov_in"], struct.pack("<II", at["buf_in"], 5)), (at["name"], NAME),
            (at["iov_zip"], struct.pack("<II", at["buf_zip"], 4)),
            (at["sub"], struct.pack("<QB7xIxxxxQQH6x", 77, 0, 1, 1000, 0, 0)),  # a 1 us relative clock
            (at["iov_out"], struct.pack("<II", at["buf_in"], 5)))
    text = wasmhelp.wasi_module([c.format(**at) for c in calls], pages=PAGES, table=B + 0x8000, data=data)
    out, mem = wasmhelp.run_wasi_module(text, {NAME.decode(): zip_bytes}, stdin=b"hello", read=(B, 0x10000))
    assert str(out.outcome.status) == "ok", out

    def u32(key: str) -> int:
        return struct.unpack_from("<I", mem, at[key] - B)[0]

    errnos = list(struct.unpack_from(f"<{len(calls)}i", mem, 0x8000))
    assert errnos == [0] * len(calls), list(zip(calls, errnos, strict=True))
    assert u32("n1") == 5 and mem[at["buf_in"] - B:][:5] == b"hello"
    size, = struct.unpack_from("<Q", mem, at["stat"] - B + 32)
    assert size == len(zip_bytes)
    assert u32("fd") > 3 and struct.unpack_from("<Q", mem, at["pos"] - B)[0] == len(zip_bytes) - 4
    assert u32("n2") == 4 and mem[at["buf_zip"] - B:][:4] == bytes(4)  # the zip's last 4 bytes
    assert NAME in mem[at["dir"] - B:][:u32("n3")]
    assert mem[at["pre"] - B:][:len(_fs.PREOPEN)] == _fs.PREOPEN.encode()
    assert struct.unpack_from("<Q", mem, at["clock"] - B)[0] > 0
    assert u32("n4") == 1 and struct.unpack_from("<Q", mem, at["evt"] - B)[0] == 77
    assert mem[at["rand"] - B:][:64] != bytes(64)
    assert out.stdout == b"hello" and u32("n5") == 5


def test_go_engine_shims_take_pointers_above_2_gib():
    """Go's fd_write and poll_oneoff (shared with the Python engine) with every pointer above 2 GiB."""
    from sandboxes.go import _wasm as gw

    iov, buf, sub, evt, n = B + 0x100, B + 0x200, B + 0x300, B + 0x400, B + 0x500
    sub_bytes = "".join(f"\\{c:02x}" for c in struct.pack("<QB7xIxxxxQQH6x", 5, 0, 1, 1000, 0, 0))
    iov_bytes = "".join(f"\\{c:02x}" for c in struct.pack("<II", buf, 6))
    text = f"""(module
  (import "{W}" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "{W}" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "{W}" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") {PAGES} {PAGES})
  (data (i32.const {iov}) "{iov_bytes}")
  (data (i32.const {buf}) "go hi\\0a")
  (data (i32.const {sub}) "{sub_bytes}")
  (func (export "_start")
    (if (call $poll_oneoff (i32.const {sub}) (i32.const {evt}) (i32.const 1) (i32.const {n}))
      (then (call $proc_exit (i32.const 3))))
    (if (i32.ne (i32.load (i32.const {n})) (i32.const 1)) (then (call $proc_exit (i32.const 4))))
    (if (call $fd_write (i32.const 1) (i32.const {iov}) (i32.const 1) (i32.const {n}))
      (then (call $proc_exit (i32.const 5))))
    (if (i32.ne (i32.load (i32.const {n})) (i32.const 6)) (then (call $proc_exit (i32.const 6))))))
"""
    module = wasmtime.Module(gw.engines().engines["quick"], text)
    out = gw.run_module("quick", module, stdin=b"", env=(), memory_bytes=None, max_output=1 << 20,
                        deadline=time.monotonic() + 30)
    assert (str(out.outcome.status), out.stdout, out.stderr) == ("ok", b"go hi\n", b""), out
