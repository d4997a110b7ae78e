# Tries: grow arrays and maps until the host runs out of memory (published: isolated-vm issue #23
# "memoryLimit not enforced"; mini-racer/ENGINE-NOTES: heap growth stops at max_memory).
import resource


def test_array_growth_hits_heap_limit(js, assert_clean):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    r = js("const a = []; while (true) a.push({ i: a.length, s: 'v' + a.length });", memory_mb=64)
    assert r.status == "memory_limit" and r.extra.get("stopped_by") == "v8-heap-limit"
    r = js("const m = new Map(); let i = 0; while (true) m.set(i, [i++]);", memory_mb=64)
    assert r.status in ("memory_limit", "timeout")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 600
    assert_clean()


def test_fill_of_sparse_array_is_stopped(js, assert_clean):
    # Array.prototype.fill/copyWithin on a dictionary-mode array are C++ loops without termination
    # checks that can abort the whole process ("invalid table size"). The prelude's versions are
    # the spec's algorithm in JavaScript: the deadline or the heap limit stops them like any loop.
    import time
    for code in ("const a = []; a.length = 2 ** 32 - 1; a.fill(1)",
                 "const a = []; a[2 ** 31] = 1; a.copyWithin(0, 1, 2 ** 31)"):
        start = time.monotonic()
        r = js(code, timeout=1.0)
        assert r.status in ("timeout", "memory_limit"), r.stderr
        assert time.monotonic() - start < 10
    assert js("console.log(new Array(3).fill(7))").stdout == "[ 7, 7, 7 ]\n"
    assert_clean()
