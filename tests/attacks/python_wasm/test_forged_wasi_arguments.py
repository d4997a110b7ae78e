# our own red team: a guest that corrupts its own memory (CPython's Lib/test/crashers show it can) could call
# any WASI import with any arguments; we skip CPython and call our host functions from a small wasm module.
"""Our WASI host functions called with forged arguments: out-of-bounds and wrapping pointers, huge and
negative lengths, iovec lists that wrap around memory, bad descriptors, escaping paths. Each call returns
its errno (nothing is written outside the guest's memory or into it where the call failed), the run
ends as its program says, and the host and the real engine go on working.

The module runs through the engine's own ``run`` (our linker, our file system, the output cap), with
the ``host_alloc``/``turn`` exports the engine calls: ``turn`` makes every forged call, stores each
errno as an i32 at 4096 + 4*i, and writes that table to stdout with one well-formed ``fd_write``.
"""

from __future__ import annotations

import struct
import time

import pytest

wasmtime = pytest.importorskip("wasmtime")

W = "wasi_snapshot_preview1"
IMPORTS = f"""
  (import "{W}" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "{W}" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "{W}" "fd_pread" (func $fd_pread (param i32 i32 i32 i64 i32) (result i32)))
  (import "{W}" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "{W}" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "{W}" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "{W}" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
  (import "{W}" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "{W}" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "{W}" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "{W}" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "{W}" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
  (import "{W}" "path_unlink_file" (func $path_unlink_file (param i32 i32 i32) (result i32)))
"""
PAGE = 65536
# (expected errno, WAT expression); memory is one 64 KiB page that cannot grow. Data laid out below:
# 200: an iovec {0xFFFFFFF0, 0x20} (wraps past 2**32), 208: {0, 0xFFFFFFFF}, 216: {100, 10} then
# {65530, 100} (the second one out of bounds), 300: "../../etc/passwd", 400: "python315.zip".
EBADF, EFAULT, EINVAL, ENAMETOOLONG, ENOTSOCK, EROFS, ENOENT = 8, 21, 28, 37, 57, 69, 44
CALLS = [
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const -8) (i32.const 1) (i32.const 0))"),
    (EINVAL, "(call $fd_write (i32.const 1) (i32.const 100) (i32.const 0x7fffffff) (i32.const 0))"),
    (EINVAL, "(call $fd_write (i32.const 1) (i32.const 100) (i32.const -1) (i32.const 0))"),  # 2**32 - 1 iovecs
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 0))"),
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const 208) (i32.const 1) (i32.const 0))"),
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const 216) (i32.const 2) (i32.const 0))"),
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const 216) (i32.const 1) (i32.const 65533))"),
    (EBADF, "(call $fd_write (i32.const -1) (i32.const 216) (i32.const 1) (i32.const 0))"),
    (EROFS, "(call $fd_write (i32.const 3) (i32.const 216) (i32.const 1) (i32.const 0))"),
    (EFAULT, "(call $fd_read (i32.const 0) (i32.const 216) (i32.const 2) (i32.const 0))"),
    (EFAULT, "(call $fd_read (i32.const 0) (i32.const 200) (i32.const 1) (i32.const 0))"),
    (EINVAL, "(call $fd_read (i32.const 0) (i32.const 216) (i32.const -1) (i32.const 0))"),
    (EFAULT, "(call $fd_read (i32.const 0) (i32.const 216) (i32.const 1) (i32.const -4))"),
    (EBADF, "(call $fd_read (i32.const -5) (i32.const 216) (i32.const 1) (i32.const 0))"),
    (EBADF, "(call $fd_pread (i32.const 77) (i32.const 216) (i32.const 1) (i64.const -1) (i32.const 0))"),
    (ENAMETOOLONG, "(call $path_open (i32.const 3) (i32.const 0) (i32.const 300) (i32.const 0x7fffffff)"
                   " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 0))"),
    (EFAULT, "(call $path_open (i32.const 3) (i32.const 0) (i32.const -1) (i32.const 10)"
             " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 0))"),
    (EFAULT, "(call $path_open (i32.const 3) (i32.const 0) (i32.const 65530) (i32.const 100)"
             " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 0))"),
    # "../../etc/passwd" from the root: ".." at the root is the root (POSIX), and there is no /etc
    (ENOENT, "(call $path_open (i32.const 3) (i32.const 0) (i32.const 300) (i32.const 16)"
                  " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 500))"),
    (EROFS, "(call $path_open (i32.const 3) (i32.const 0) (i32.const 400) (i32.const 13)"
            " (i32.const 1) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 500))"),
    (EROFS, "(call $path_open (i32.const 3) (i32.const 0) (i32.const 400) (i32.const 13)"
            " (i32.const 0) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 500))"),
    (EFAULT, "(call $path_open (i32.const 3) (i32.const 0) (i32.const 400) (i32.const 13)"
             " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const -4))"),
    (EBADF, "(call $path_open (i32.const 0) (i32.const 0) (i32.const 400) (i32.const 13)"
            " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 500))"),
    (EBADF, "(call $path_open (i32.const -2147483648) (i32.const 0) (i32.const 400) (i32.const 13)"
            " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 500))"),
    (EFAULT, "(call $fd_readdir (i32.const 3) (i32.const 65530) (i32.const 1000) (i64.const 0) (i32.const 0))"),
    (EFAULT, "(call $fd_readdir (i32.const 3) (i32.const 0) (i32.const -1) (i64.const 0) (i32.const 0))"),
    (0, "(call $fd_readdir (i32.const 3) (i32.const 1000) (i32.const 100) (i64.const -1) (i32.const 600))"),
    (EFAULT, "(call $fd_prestat_dir_name (i32.const 3) (i32.const -100) (i32.const 14))"),
    (EFAULT, "(call $fd_filestat_get (i32.const 3) (i32.const 65535))"),
    (EFAULT, "(call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const 400) (i32.const 13) (i32.const 65500))"),
    (ENOENT, "(call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const 400) (i32.const 5) (i32.const 700))"),
    (EFAULT, "(call $clock_time_get (i32.const 0) (i64.const 0) (i32.const 65532))"),
    (EINVAL, "(call $clock_time_get (i32.const -1) (i64.const 0) (i32.const 700))"),
    (EINVAL, "(call $poll_oneoff (i32.const 0) (i32.const 0) (i32.const 0x7fffffff) (i32.const 0))"),
    (EFAULT, "(call $poll_oneoff (i32.const -48) (i32.const 0) (i32.const 1) (i32.const 0))"),
    (ENOTSOCK, "(call $sock_accept (i32.const 3) (i32.const 0) (i32.const 0))"),
    (EROFS, "(call $path_unlink_file (i32.const 3) (i32.const 400) (i32.const 13))"),
]


def wat(calls: list[tuple[int, str]]) -> str:
    body = "\n".join(f"    (i32.store (i32.const {4096 + 4 * i}) {expr})" for i, (_, expr) in enumerate(calls))
    n = 4 * len(calls)
    return f"""(module {IMPORTS}
  (memory (export "memory") 1 1)
  (data (i32.const 200) "\\f0\\ff\\ff\\ff\\20\\00\\00\\00" "\\00\\00\\00\\00\\ff\\ff\\ff\\ff"
                        "\\64\\00\\00\\00\\0a\\00\\00\\00" "\\fa\\ff\\00\\00\\64\\00\\00\\00")
  (data (i32.const 300) "../../etc/passwd")
  (data (i32.const 400) "python315.zip")
  (data (i32.const 800) "\\00\\10\\00\\00\\{n:02x}\\00\\00\\00")
  (func (export "host_alloc") (param i32) (result i32) (i32.const 60000))
  (func (export "turn") (param i32 i32) (result i32)
{body}
    (drop (call $fd_write (i32.const 1) (i32.const 800) (i32.const 1) (i32.const 808)))
    (i32.const 0)))
"""


def run_module(text: str, *, stdin: bytes = b"stdin bytes", max_output: int | None = 1 << 20):
    from sandboxes.python.wasm import _engine, _fs

    eng = _engine.engine()
    module = wasmtime.Module(eng, text)
    linker = _engine.make_linker(eng, module)
    tree = _fs.Tree({f"{_fs.PREOPEN}/python315.zip": b"PK\x05\x06" + bytes(18)})
    return _engine.run(module, linker, tree, source=b"x", stdin=stdin, env=[], memory_bytes=1 << 20,
                       max_output=max_output, deadline=time.monotonic() + 10)


def test_forged_calls_get_errnos():
    assert len(CALLS) < 256
    out = run_module(wat(CALLS))
    assert str(out.outcome.status) == "ok", out
    got = list(struct.unpack(f"<{len(CALLS)}i", out.stdout))
    want = [e for e, _ in CALLS]
    assert got == want, [(i, CALLS[i][1], g) for i, (g, w) in enumerate(zip(got, want)) if g != w]
    assert out.stderr == b""


def test_1024_iovecs_over_all_of_memory_stop_at_the_cap():
    """1024 iovecs, each the whole 64 KiB page: 64 MiB asked, the cap (1 KiB here) copied, output_limit."""
    text = wat([(0, "(call $fd_write (i32.const 1) (i32.const 8192) (i32.const 1024) (i32.const 0))")])
    fill = "(loop $l (i32.store (local.get 0) (i32.const 0)) (i32.store offset=4 (local.get 0) (i32.const 65536))" \
           " (local.set 0 (i32.add (local.get 0) (i32.const 8))) (br_if $l (i32.lt_u (local.get 0) (i32.const 16384))))"
    text = text.replace('(param i32 i32) (result i32)\n', '(param i32 i32) (result i32)\n    (local.set 0 (i32.const 8192))\n'
                        + f"    {fill}\n", 1)
    out = run_module(text, max_output=1024)
    assert str(out.outcome.status) == "output_limit", out.outcome
    assert len(out.stdout) == 1024


def test_host_and_engine_fine_after(wsb):
    test_forged_calls_get_errnos()
    r = wsb.run("python", "import numpy as np\nprint(np.arange(4).sum())")
    assert (str(r.status), r.stdout) == ("ok", "6\n")
