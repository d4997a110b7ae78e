# Technique: integer signedness confusion at the host-call boundary: a guest passes u32/u64 values with
# the top bit set, which a host reading them as signed sees as negative (CWE-195, "Signed to Unsigned
# Conversion Error"; the wasm form is in the Wasmtime advisory GHSA-wh6w-3828-g9qf and in "Everything Old
# is New Again: Binary Security of WebAssembly", Lehmann et al., USENIX Security 2020). Payloads are ours.
"""Arguments with the top bit set, in a linear memory of 2 GiB and 128 KiB, to each of our WASI host
functions: every one is the unsigned number WASI says it is. Pointers and lengths past the end of memory
(0xFFFFFFF0, a length of 2**31 from a valid pointer, an iovec that wraps to exactly 2**32) are EFAULT;
iovec and subscription counts of 2**31 and more are EINVAL; descriptors 0x80000003 are EBADF; a 64-bit
dircookie or read offset of 2**64 - 1 reads nothing, and fd_seek's signed delta seeks back from the end.
Where a host read them signed, Python's slicing from the end of a buffer would have read or written the
wrong bytes."""

from __future__ import annotations

import struct

from tests.attacks.python_wasm import wguest
from tests.python_wasm import wasmhelp

EBADF, EFAULT, EINVAL, ENAMETOOLONG = 8, 21, 28, 37
PAGES = (1 << 15) + 2
B = 1 << 31  # our data: all of it above 2 GiB
IOV, IOV_WRAP, IOV_HUGE, BUF, NAME, OUT, FD, SUBS, EVENTS, DIRBUF = (B + 0x100 * i for i in range(1, 11))
ZIP = b"PK\x05\x06" + bytes(18)
CALLS = [
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const 0xFFFFFFF8) (i32.const 1) (i32.const {OUT}))"),
    (EINVAL, "(call $fd_write (i32.const 1) (i32.const {IOV}) (i32.const 0x80000000) (i32.const {OUT}))"),
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const {IOV}) (i32.const 1) (i32.const 0xFFFFFFFC))"),
    (EBADF, "(call $fd_write (i32.const 0x80000001) (i32.const {IOV}) (i32.const 1) (i32.const {OUT}))"),
    (EFAULT, "(call $fd_write (i32.const 1) (i32.const {IOV_WRAP}) (i32.const 1) (i32.const {OUT}))"),
    (EFAULT, "(call $fd_read (i32.const 0) (i32.const {IOV_WRAP}) (i32.const 1) (i32.const {OUT}))"),
    (EFAULT, "(call $fd_read (i32.const 0) (i32.const {IOV_HUGE}) (i32.const 1) (i32.const {OUT}))"),
    (EINVAL, "(call $fd_read (i32.const 0) (i32.const {IOV}) (i32.const 0xFFFFFFFF) (i32.const {OUT}))"),
    (EBADF, "(call $fd_read (i32.const 0x80000003) (i32.const {IOV}) (i32.const 1) (i32.const {OUT}))"),
    (ENAMETOOLONG, "(call $path_open (i32.const 3) (i32.const 0) (i32.const {NAME}) (i32.const 0x80000000)"
                   " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const {FD}))"),
    (EFAULT, "(call $path_open (i32.const 3) (i32.const 0) (i32.const 0xFFFFFFF0) (i32.const 13)"
             " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const {FD}))"),
    (EBADF, "(call $path_open (i32.const 0x80000003) (i32.const 0) (i32.const {NAME}) (i32.const 13)"
            " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const {FD}))"),
    (EFAULT, "(call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const {NAME}) (i32.const 13)"
             " (i32.const 0xFFFFFFC0))"),
    (EFAULT, "(call $fd_readdir (i32.const 3) (i32.const {DIRBUF}) (i32.const 0xFFFFFFFF) (i64.const 0)"
             " (i32.const {OUT}))"),
    (0, "(call $fd_readdir (i32.const 3) (i32.const {DIRBUF}) (i32.const 256) (i64.const -1) (i32.const {OUT}))"),
    (0, "(i32.load (i32.const {OUT}))"),  # bytes used: none, past every entry
    (EFAULT, "(call $fd_prestat_dir_name (i32.const 3) (i32.const 0xFFFFFFF0) (i32.const 0xFFFFFFFF))"),
    (0, "(call $path_open (i32.const 3) (i32.const 0) (i32.const {NAME}) (i32.const 13)"
        " (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const {FD}))"),
    (0, "(call $fd_pread (i32.load (i32.const {FD})) (i32.const {IOV}) (i32.const 1) (i64.const -1)"
        " (i32.const {OUT}))"),
    (0, "(i32.load (i32.const {OUT}))"),  # bytes read at offset 2**64 - 1: none
    (EINVAL, "(call $fd_seek (i32.load (i32.const {FD})) (i64.const -1) (i32.const 0) (i32.const {OUT}))"),
    (EINVAL, "(call $fd_seek (i32.load (i32.const {FD})) (i64.const 0x8000000000000000) (i32.const 1)"
             " (i32.const {OUT}))"),
    (0, "(call $fd_seek (i32.load (i32.const {FD})) (i64.const -4) (i32.const 2) (i32.const {OUT}))"),
    (len(ZIP) - 4, "(i32.load (i32.const {OUT}))"),
    (EINVAL, "(call $fd_seek (i32.load (i32.const {FD})) (i64.const 0) (i32.const 0x80000002) (i32.const {OUT}))"),
    (EBADF, "(call $fd_close (i32.const 0x80000003))"),
    (EINVAL, "(call $clock_time_get (i32.const 0x80000000) (i64.const 0) (i32.const {OUT}))"),
    (EINVAL, "(call $poll_oneoff (i32.const {SUBS}) (i32.const {EVENTS}) (i32.const 0x80000000) (i32.const {OUT}))"),
    (EFAULT, "(call $poll_oneoff (i32.const 0xFFFFFFD0) (i32.const {EVENTS}) (i32.const 1) (i32.const {OUT}))"),
]
DATA = ((IOV, struct.pack("<II", BUF, 4)), (IOV_WRAP, struct.pack("<II", 0xFFFFFF00, 0x100)),
        (IOV_HUGE, struct.pack("<II", BUF, 0x80000000)), (NAME, b"python315.zip"))


def test_top_bit_arguments_are_unsigned():
    fields = dict(IOV=IOV, IOV_WRAP=IOV_WRAP, IOV_HUGE=IOV_HUGE, NAME=NAME, OUT=OUT, FD=FD, SUBS=SUBS,
                  EVENTS=EVENTS, DIRBUF=DIRBUF)
    text = wasmhelp.wasi_module([c.format(**fields) for _, c in CALLS], pages=PAGES, table=B, data=DATA)
    out, mem = wasmhelp.run_wasi_module(text, {"python315.zip": ZIP}, stdin=b"stdin", read=(B, 4 * len(CALLS)))
    assert (str(out.outcome.status), out.stdout, out.stderr) == ("ok", b"", b""), out
    got = list(struct.unpack(f"<{len(CALLS)}i", mem))
    assert got == [e for e, _ in CALLS], [(c, g) for (e, c), g in zip(CALLS, got, strict=True) if e != g]


def test_host_and_engine_fine_after(wsb):
    test_top_bit_arguments_are_unsigned()
    wguest.host_fine(wsb)


def test_random_get_past_the_end_ends_the_run_with_an_error():
    """random_get is wasmtime's own: a buffer past the end is an engine error that ends the run (never a
    write outside the guest's memory); the host goes on."""
    text = wasmhelp.wasi_module(["(call $random_get (i32.const 0xFFFFFFF0) (i32.const 0x20))"], pages=PAGES, table=B)
    out, _ = wasmhelp.run_wasi_module(text, {"python315.zip": ZIP})
    assert (str(out.outcome.status), out.outcome.stop_detail) == ("error", "wasmtime:error"), out
