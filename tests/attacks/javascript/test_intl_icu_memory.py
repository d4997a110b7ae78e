# Tries: allocate outside the V8 heap through ICU instead of ArrayBuffers: Intl.Segmenter#segment
# keeps a UTF-16 copy of its input in ICU's heap (2 bytes per character, per call), and every
# Intl.DateTimeFormat holds compiled ICU formatters (~25 KB each) behind a small JS wrapper, so
# memory_mb is not what bounds them (published: isolated-vm issue #112 "allocations not counted
# against memoryLimit", the same class as ArrayBuffers; V8 Managed<> objects only report an
# estimate as external memory, which triggers GCs but no limit).
import pytest

PAYLOADS = {
    # 25 copies of 10M characters: 500 MB of ICU strings under a 32 MiB heap.
    "segmenter_copies": "const s = 'a'.repeat(1e7) + 'b'; const seg = new Intl.Segmenter('en');"
                        "const keep = []; for (let i = 0; i < 25; i++) keep.push(seg.segment(s));"
                        "console.log('kept', keep.length)",
    # 10000 formatters: ~250 MB of ICU objects for ~1 MB of heap.
    "datetimeformat_objects": "const keep = []; for (let i = 0; i < 10000; i++) keep.push(new Intl.DateTimeFormat('en',"
                              " { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'long' }));"
                              "console.log('kept', keep.length)",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_icu_memory_counts_against_memory_mb(js, assert_clean, name):
    r = js(PAYLOADS[name], memory_mb=32)
    assert r.status != "timeout", "too slow to say anything on this machine"
    assert r.status == "memory_limit", (r.status, r.stdout)
    assert_clean()


def test_small_intl_use_still_works(js, assert_clean):
    r = js("console.log([...new Intl.Segmenter('en', { granularity: 'word' }).segment('hi there')].length,"
           " new Intl.DateTimeFormat('en', { timeZone: 'UTC' }).format(0))", memory_mb=32)
    assert r.status == "ok" and r.stdout == "3 1/1/1970\n"
    assert_clean()
