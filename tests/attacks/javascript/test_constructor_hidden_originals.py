# Tries: recover the unguarded ArrayBuffer/TypedArray constructors (via prototype chains,
# new.target tricks, Reflect.construct with a foreign newTarget) to allocate outside the budget
# (published: SES "hidden intrinsics" list, Agoric/ses docs; saelo Phrack #70 on species/newTarget).


def test_originals_are_not_reachable(js, assert_clean):
    r = js("""
    const candidates = [
      Object.getPrototypeOf(new Uint8Array(8)).constructor,
      new ArrayBuffer(8).constructor,
      Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'constructor').value,
      new Uint8Array(8).buffer.constructor,
    ];
    console.log(candidates.every(c => c === Uint8Array || c === ArrayBuffer));
    const keep = [];
    try { while (true) keep.push(Reflect.construct(Uint8Array, [1 << 26], class X {})); } catch (e) { console.log(e.name); }
    """, memory_mb=64)
    assert r.stdout.startswith("true\n")
    assert r.status in ("ok", "memory_limit")
    assert_clean()
