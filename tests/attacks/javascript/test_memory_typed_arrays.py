# Tries: ArrayBuffer / typed-array backing stores, which live outside the V8 heap limit, to grow
# the host process (published: ENGINE-NOTES here: +4-5 GB with a 256 MiB heap cap; isolated-vm
# issue #112 "ArrayBuffer allocations not counted against memoryLimit").
import resource

import pytest

BOMBS = {
    "arraybuffer_loop": "const k = []; while (true) { const b = new ArrayBuffer(1 << 26); new Uint8Array(b).fill(1); k.push(b); }",
    "typed_loop": "const k = []; while (true) k.push(new Float64Array(1 << 24).fill(1));",
    "one_huge": "new Uint8Array(2 ** 33).fill(1)",
    "resizable": "const b = new ArrayBuffer(1, { maxByteLength: 2 ** 34 }); b.resize(2 ** 34); new Uint8Array(b).fill(1);",
    "transfer": "const c = new ArrayBuffer(8).transfer(2 ** 33); new Uint8Array(c).fill(1);",
    "slice_copies": "const b = new Uint8Array(1 << 26); const k = []; while (true) k.push(b.slice());",
    "map_copies": "const b = new Float64Array(1 << 23); const k = []; while (true) k.push(b.map(x => x));",
    "array_like_length": "new Float64Array({ length: 2 ** 31 })",
    "toctou_length": "let n = 0; new Float64Array({ get length() { return n++ ? 2 ** 32 : 1; } , 0: 1 });",
    "subclass": "class B extends Uint8Array {} const k = []; while (true) k.push(new B(1 << 26));",
    "reflect_construct": "const k = []; while (true) k.push(Reflect.construct(ArrayBuffer, [1 << 26]));",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_buffer_bomb_is_contained(js, assert_clean, name):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    r = js(BOMBS[name], memory_mb=128)
    assert r.status in ("memory_limit", "timeout", "ok"), r.stderr
    if name not in ("array_like_length", "toctou_length"):
        assert r.status == "memory_limit", r.stderr
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 700, f"host grew by {grown_mb:.0f} MB"
    assert_clean()


def test_budget_is_credited_back_between_runs(js):
    for _ in range(5):
        assert js("const b = new ArrayBuffer(100 << 20); console.log(b.byteLength)", memory_mb=128).status == "ok"
