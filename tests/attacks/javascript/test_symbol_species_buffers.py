# Tries: Symbol.species / constructor swapping so that TypedArray slice/map/subarray allocate
# through an unaccounted constructor, to get ArrayBuffer memory past the budget
# (published: V8 bug tracker species-constructor issues, e.g. crbug.com/v8/4665 family; "Symbol.species"
# abuse in JS engine exploitation, saelo "Attacking JavaScript Engines", Phrack #70).


def test_species_cannot_bypass_buffer_budget(js, assert_clean):
    r = js("""
    const Orig = Object.getPrototypeOf(new Uint8Array(1)).constructor;
    class Big extends Uint8Array { static get [Symbol.species]() { return Orig; } }
    const keep = [];
    const base = new Big(1 << 20);
    for (let i = 0; i < 10000; i++) keep.push(base.slice(0));
    """, memory_mb=64)
    assert r.status == "memory_limit" and r.extra.get("stopped_by") == "prelude-buffer-budget"
    assert_clean()


def test_constructor_property_points_to_the_guard(js):
    r = js("console.log(new Uint8Array(1).constructor === Uint8Array, new ArrayBuffer(1).constructor === ArrayBuffer,"
           " new Uint8Array(4) instanceof Uint8Array, Uint8Array.from([1, 2]).length, Uint8Array.of(1).length)")
    assert r.stdout == "true true true 2 1\n"
