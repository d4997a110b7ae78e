# Attack: allocate host memory in C without going through `*`: str.ljust/center/zfill/expandtabs with a
# huge width, format specs with a huge width (f-string, format(), %-formatting), bytes(n), bytearray(n),
# range materialised by list(), dict.fromkeys over a huge range.
# Published: DoS write-ups for Python sandboxes (e.g. "' '.ljust(10**10)", "f'{0:>{10**10}}'"); CPython
# issues on huge format widths (bpo-17405 family); this project's brief (resource exhaustion).
import pytest

# 10**11 bytes: far over every cap, refused quickly by malloc on this machine; 700 MB: over the in-process
# cap (256 MB) and the worker's address space (512 MB), small enough for the host to survive.
PAYLOADS = [
    "x = 'a'.ljust(10 ** 11)",
    "x = 'a'.center(7 * 10 ** 8)",
    "x = '1'.zfill(7 * 10 ** 8)",
    "x = '\\t'.expandtabs(7 * 10 ** 8)",
    "x = f'{0:>{7 * 10 ** 8}}'",
    "x = format(1, '>700000000')",
    "x = '%700000000d' % 1",
    "x = bytes(7 * 10 ** 8)",
    "x = bytearray(7 * 10 ** 8)",
    "x = list(range(3 * 10 ** 7))",
    "x = dict.fromkeys(range(3 * 10 ** 7))",
    "x = ' '.join(['a'] * 10 ** 6) * 1",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_c_allocations_hit_the_memory_limit(guest, code):
    # After the allocation, a short loop gives the in-process tick a chance to see the memory.
    r = guest.run(code + "\nfor i in range(100000):\n    pass\nprint('KEPT', len(x))", timeout=2.0)
    if code.startswith("x = ' '.join"):  # 2 MB: an ordinary program, must just work
        guest.contained(r, {"ok"})
        return
    if guest.mode == "inprocess" and code.startswith(("x = bytes(", "x = bytearray(")):
        # Zeroed pages from calloc cost nothing until written, so the in-process RSS accounting
        # rightly does not count them (writing them is what it catches, see the next test); the
        # worker's RLIMIT_AS refuses the reservation itself.
        guest.contained(r, {"ok", "memory_limit", "error", "timeout"}, max_wall=6.0)
        return
    guest.contained(r, {"memory_limit", "error", "timeout"}, forbidden=["KEPT"], max_wall=6.0)


def test_touching_a_zeroed_allocation_hits_the_memory_limit(guest):
    code = ("x = bytearray(7 * 10 ** 8)\nfor i in range(0, len(x), 4096):\n    x[i] = 1\n"
            "print('KEPT', len(x))")
    r = guest.run(code, timeout=2.0)
    guest.contained(r, {"memory_limit", "error", "timeout"}, forbidden=["KEPT"], max_wall=6.0)
