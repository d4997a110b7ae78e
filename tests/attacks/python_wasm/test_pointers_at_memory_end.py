# Technique: off-by-one at the end of the guest's memory: a result, iovec or path placed so that it ends
# exactly at the last byte (must work) or one byte past it (must fail cleanly), the bounds-check boundary
# (CWE-193, "Off-by-one Error"; the wasm form: Wasmtime's GHSA-7f6x-jwh5-m9r4, a bounds check off at the
# end of linear memory). Payloads are ours.
"""Every pointer argument of our host functions at the end of a 2 GiB and 128 KiB memory (0x80020000): an
output, an iovec list, an iovec's buffer, a path, a subscription list that ends at the last byte is
served; one that ends a byte later is EFAULT, with nothing read (stdin is not consumed) or written."""

from __future__ import annotations

import struct

from tests.attacks.python_wasm import wguest
from tests.python_wasm import wasmhelp

EFAULT = 21
PAGES = (1 << 15) + 2
END = PAGES << 16
B = 1 << 31
OUT, BUF = B + 0x100, B + 0x200
NAME = b"python315.zip"
ZIP = b"PK\x05\x06" + bytes(18)


def _iov(at: int, ptr: int, length: int) -> str:
    return f"(i64.store (i32.const {at}) (i64.const {ptr | length << 32}))"


def _after(setup: str, call: str) -> str:
    return f"(block (result i32) {setup} {call})"


SUB = struct.pack("<QB7xIxxxxQQH6x", 9, 0, 1, 1000, 0, 0)  # a 1 us relative clock


def _call(name: str, *args: int) -> str:
    return f"(call ${name} " + " ".join(f"(i64.const {a})" if isinstance(a, Wide) else f"(i32.const {a})"
                                        for a in args) + ")"


class Wide(int):
    """An i64 argument."""


def _write(fd: int, iov: int, n: int, out: int) -> str:
    return _call("fd_write", fd, iov, n, out)


def _read(iov: int, out: int) -> str:
    return _call("fd_read", 0, iov, 1, out)


def _poll(subs: int, events: int, out: int) -> str:
    return _call("poll_oneoff", subs, events, 1, out)


def _stat(name: int, length: int) -> str:
    return _call("path_filestat_get", 3, 0, name, length, OUT + 64)


IOV2 = OUT + 8
CALLS = [  # (errno, WAT)
    # the iovec list is the memory's last 8 bytes, its buffer "abc" low
    (0, _after(_iov(END - 8, BUF, 3), _write(1, END - 8, 1, OUT))),
    (EFAULT, _write(1, END - 7, 1, OUT)),
    (EFAULT, _write(1, END - 8, 2, OUT)),
    # a buffer that is the memory's last 11 bytes (three zeros and the iovec list itself), then one past it
    (0, _after(_iov(END - 8, END - 11, 11), _write(2, END - 8, 1, OUT))),
    (EFAULT, _after(_iov(END - 8, END - 10, 11), _write(2, END - 8, 1, OUT))),
    (EFAULT, _after(_iov(IOV2, BUF, 3), _write(1, IOV2, 1, END - 3))),
    # stdin into the last 5 bytes; one byte further, and a count one byte past the end: nothing consumed
    (EFAULT, _after(_iov(IOV2, END - 4, 5), _read(IOV2, OUT))),
    (EFAULT, _after(_iov(IOV2, END - 5, 5), _read(IOV2, END - 3))),
    (0, _read(IOV2, END - 16)),
    (5, f"(i32.load (i32.const {END - 16}))"),
    (0, _call("clock_time_get", 0, Wide(0), END - 16)),
    (EFAULT, _call("clock_time_get", 0, Wide(0), END - 7)),
    (0, _call("fd_filestat_get", 3, END - 64)),
    (EFAULT, _call("fd_filestat_get", 3, END - 63)),
    # a path that ends at the last byte: found; one byte longer: past the end
    (0, _after(f"(memory.init 0 (i32.const {END - len(NAME)}) (i32.const 0) (i32.const {len(NAME)}))",
               _stat(END - len(NAME), len(NAME)))),
    (EFAULT, _stat(END - len(NAME), len(NAME) + 1)),
    (0, _call("fd_prestat_dir_name", 3, END - 1, 64)),  # "/": one byte
    (EFAULT, _call("fd_prestat_dir_name", 3, END, 64)),
    # a subscription that is the last 48 bytes, its event the 32 before them
    (0, _after(f"(memory.init 1 (i32.const {END - 48}) (i32.const 0) (i32.const 48))", _poll(END - 48, END - 80, OUT))),
    (EFAULT, _poll(END - 47, END - 80, OUT)),
    (EFAULT, _poll(END - 48, END - 31, OUT)),
    (EFAULT, _poll(END - 48, END - 80, END - 3)),
]


def _module() -> str:
    text = wasmhelp.wasi_module([c for _, c in CALLS], pages=PAGES, table=B, data=((BUF, b"abc"),))
    esc = "".join(f"\\{c:02x}" for c in SUB)
    passive = f'  (data "{NAME.decode()}")\n  (data "{esc}")\n'  # memory.init's segments 0 and 1
    return text.replace("  (memory ", passive + "  (memory ", 1)


def test_pointers_ending_at_the_last_byte_work_and_one_past_fail():
    out, mem = wasmhelp.run_wasi_module(_module(), {NAME.decode(): ZIP}, stdin=b"hello",
                                        read=(B, 4 * len(CALLS)))
    assert str(out.outcome.status) == "ok", out
    got = list(struct.unpack(f"<{len(CALLS)}i", mem))
    assert got == [e for e, _ in CALLS], [(c, g) for (e, c), g in zip(CALLS, got, strict=True) if e != g]
    assert out.stdout == b"abc"
    assert out.stderr == bytes(3) + struct.pack("<II", END - 11, 11)


def test_host_and_engine_fine_after(wsb):
    test_pointers_ending_at_the_last_byte_work_and_one_past_fail()
    wguest.host_fine(wsb)
