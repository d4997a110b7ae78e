# ruff: noqa: E501
"""Every built-in of this V8 that allocates an ArrayBuffer backing store is charged (issue 12, item 8).

Backing stores live outside the V8 heap limit and mini-racer 0.14 exposes no
``ArrayBuffer::Allocator`` limit nor external-memory accounting (its hard memory limit reads
``used_heap_size`` only: 500 MB of buffers under a 64 MiB limit leave it unset), so the prelude
charges each allocating built-in. Which ones allocate is not a list written by hand: the probe
below calls every function reachable from the globals of a bare V8 (same version) with a set of
plausible receivers and arguments, and records those that return a new buffer-backed object or
grow their receiver's buffer. Each one found must have a bomb here that the default policy stops
with ``memory_limit``; a V8 upgrade that adds an allocating built-in fails this test until it is
guarded.
"""

import json

import pytest

PROBE = r"""
(() => {
  const TA = Object.getPrototypeOf(Uint8Array);
  const skip = new Set(['Atomics.wait', 'Atomics.waitAsync', 'Atomics.pause', 'setTimeout', 'clearTimeout',
                        '__timer_manager', 'console', 'eval', 'Function', 'AsyncFunction']);
  const abLen = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const sabLen = Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get;
  const byteLength = (b) => { try { return Reflect.apply(abLen, b, []); } catch {} try { return Reflect.apply(sabLen, b, []); } catch {} return -1; };
  const bufferOf = (v) => {
    if (byteLength(v) >= 0) return v;
    try { if (ArrayBuffer.isView(v)) return v.buffer; } catch {}
    return null;
  };
  const sizeOf = (b) => (b === null ? 0 : byteLength(b));
  // Buffers the probe made itself: a function handing one back (WeakRef.deref, Array.prototype.at
  // on an array holding one) allocated nothing.
  const made = new WeakSet();
  const mine = (v) => { made.add(v); try { made.add(v.buffer); } catch {} return v; };
  const instances = (C) => {
    const out = [];
    const tries = [() => new C(16), () => new C(), () => new C([1, 2, 3, 4]), () => new C(mine(new ArrayBuffer(16))),
                   () => new C(16, { maxByteLength: 64 }), () => new C({ initial: 1, maximum: 4 }),
                   () => new C(16, { maxByteLength: 64 })];
    for (const t of tries) { try { out.push(mine(t())); } catch {} }
    return out;
  };
  const argSets = () => [[], [16], [0, 16], [16, 0], [32], ['AAAAAAAAAAAAAAAAAAAAAAAA'], ['00112233445566778899aabbccddeeff'],
    [[1, 2, 3, 4, 5, 6, 7, 8]], [(x) => x], [mine(new Uint8Array(16))], [mine(new ArrayBuffer(16))], [{ length: 16 }],
    [{ initial: 1, maximum: 4 }], [1], [0, 1], [1, 2, 3]];
  const found = new Set();
  const seen = new Set();
  function probe(path, fn, receivers) {
    if (skip.has(path)) return;
    for (const recv of receivers) {
      for (const args of argSets()) {
        const inputs = new Set([bufferOf(recv), ...args.map(bufferOf)].filter((b) => b !== null));
        const before = sizeOf(bufferOf(recv));
        let r;
        try { r = Reflect.apply(fn, recv, args); } catch { r = undefined; }
        const b = bufferOf(r);
        if (b !== null && !inputs.has(b) && !made.has(b) && sizeOf(b) > 0) found.add(path);
        if (bufferOf(recv) !== null && sizeOf(bufferOf(recv)) > before) found.add(path);
        try { if (typeof recv === 'object' && recv !== null && typeof WebAssembly === 'object' && recv instanceof WebAssembly.Memory && recv.buffer.byteLength > 65536) found.add(path); } catch {}
      }
    }
    let isCtor = true;
    try { Reflect.construct(String, [], fn); } catch { isCtor = false; }
    if (isCtor) {
      for (const args of argSets()) {
        const inputs = new Set(args.map(bufferOf).filter((b) => b !== null));
        let r;
        try { r = Reflect.construct(fn, args); } catch { r = undefined; }
        const b = bufferOf(r);
        if (b !== null && !inputs.has(b) && !made.has(b) && sizeOf(b) > 0) found.add(path);
        try { if (r instanceof WebAssembly.Memory) found.add(path); } catch {}
      }
    }
  }
  function walk(path, obj, depth) {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function') || seen.has(obj) || depth > 3) return;
    seen.add(obj);
    const ctor = Object.prototype.hasOwnProperty.call(obj, 'constructor') ? obj.constructor : null;
    const isProto = typeof ctor === 'function' && ctor.prototype === obj;
    const receivers = isProto ? (obj === TA.prototype ? [new Uint8Array(16), new Float64Array(16)] : instances(ctor)) : [obj];
    if (receivers.length === 0) receivers.push(obj);
    for (const k of Reflect.ownKeys(obj)) {
      if (k === 'constructor' || k === '__proto__' || k === 'caller' || k === 'arguments') continue;
      const d = Object.getOwnPropertyDescriptor(obj, k);
      const name = path + '.' + (typeof k === 'symbol' ? `[${k.description}]` : k);
      for (const f of [d.value, d.get, d.set]) if (typeof f === 'function' && !(path === 'globalThis')) probe(name, f, receivers);
      if (d.value !== undefined && k !== 'prototype') walk(path === 'globalThis' ? String(k) : name, d.value, depth + 1);
      if (k === 'prototype') walk(path + '.prototype', d.value, depth + 1);
    }
    if (path !== 'globalThis' && typeof obj === 'function' && !skip.has(path)) probe(path, obj, []);
  }
  walk('globalThis', globalThis, 0);
  walk('%TypedArray%', TA, 1);
  return JSON.stringify([...found].sort());
})()
"""

_TA = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
       "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]
# Budget under memory_mb=64: 64 MiB of backing stores. Each bomb goes over it with one call of
# the built-in it is named after (a pre-fill first where one call cannot be made that big).
_PREFILL = "const __k = new ArrayBuffer((64 << 20) - 4096);\n"
BOMBS = {
    "ArrayBuffer": "new ArrayBuffer(80 << 20)",
    "ArrayBuffer.prototype.slice": "const b = new ArrayBuffer(40 << 20); b.slice()",
    "ArrayBuffer.prototype.resize": "const b = new ArrayBuffer(1, { maxByteLength: 2 ** 30 }); b.resize(80 << 20)",
    "ArrayBuffer.prototype.transfer": "new ArrayBuffer(8).transfer(80 << 20)",
    "ArrayBuffer.prototype.transferToFixedLength": "new ArrayBuffer(8).transferToFixedLength(80 << 20)",
    "%TypedArray%.from": "Float64Array.from({ length: 10 << 20 })",
    "%TypedArray%.of": _PREFILL + "Float64Array.of(...new Array(1000).fill(1))",
    "%TypedArray%.prototype.slice": "const a = new Uint8Array(40 << 20); a.slice()",
    "%TypedArray%.prototype.map": "const a = new Uint8Array(40 << 20); a.map((x) => x)",
    "%TypedArray%.prototype.filter": "const a = new Uint8Array(40 << 20); a.filter(() => true)",
    "%TypedArray%.prototype.toReversed": "const a = new Uint8Array(40 << 20); a.toReversed()",
    "%TypedArray%.prototype.toSorted": "const a = new Uint8Array(40 << 20); a.toSorted()",
    "%TypedArray%.prototype.with": "const a = new Uint8Array(40 << 20); a.with(0, 1)",
    "Uint8Array.fromBase64": _PREFILL + "Uint8Array.fromBase64('AAAA'.repeat(1 << 20))",
    "Uint8Array.fromHex": _PREFILL + "Uint8Array.fromHex('00'.repeat(1 << 20))",
    **{name: f"new {name}((80 << 20) / {name}.BYTES_PER_ELEMENT)" for name in _TA},
}
# Absent under the default policy (no shared memory, no WebAssembly): the globals are deleted.
ABSENT = {
    "SharedArrayBuffer": "SharedArrayBuffer",
    "SharedArrayBuffer.prototype.slice": "SharedArrayBuffer",
    "SharedArrayBuffer.prototype.grow": "SharedArrayBuffer",
    "WebAssembly.Memory": "WebAssembly",
    "WebAssembly.Memory.prototype.grow": "WebAssembly",
}
# Found by the probe, allocating no backing store: a new ArrayBuffer object over the memory's own.
NOT_ALLOCATING = {
    "WebAssembly.Memory.prototype.buffer",
    "WebAssembly.Memory.prototype.toFixedLengthBuffer",
    "WebAssembly.Memory.prototype.toResizableBuffer",
}


@pytest.fixture(scope="module")
def allocating(sandbox_inprocess):
    """The allocating built-ins of this V8, found by probing a context without the prelude."""
    from py_mini_racer import MiniRacer

    assert sandbox_inprocess.run("js", "").status == "ok"  # V8 initialised before a second context
    mr = MiniRacer()
    try:
        return set(json.loads(mr.eval(PROBE, timeout_sec=60)))
    finally:
        mr.close()


def test_probe_finds_the_known_allocators(allocating):
    """The probe works: the obvious ones are found (else the next test proves nothing)."""
    assert {"ArrayBuffer", "Uint8Array", "ArrayBuffer.prototype.slice", "Uint8Array.fromBase64",
            "%TypedArray%.prototype.map", "ArrayBuffer.prototype.resize"} <= allocating


def test_every_allocating_builtin_has_a_bomb(allocating):
    missing = allocating - set(BOMBS) - set(ABSENT) - NOT_ALLOCATING
    assert not missing, f"allocating built-ins with no budget test (guard them in prelude.js): {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_allocation_over_budget_is_refused(js_both, name):
    r = js_both(BOMBS[name], memory_mb=64)
    assert r.status == "memory_limit", (name, r.status, r.stderr[-300:])
    assert r.extra.get("stopped_by") == "prelude-buffer-budget", r.extra


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_allocation_within_budget_is_ok(js_both, name):
    """The same calls, a size that fits: the charge does not refuse what fits."""
    small = BOMBS[name].replace("80 << 20", "1 << 20").replace("40 << 20", "1 << 20").replace(
        "10 << 20", "1 << 16").replace("(64 << 20) - 4096", "1 << 20")
    r = js_both(small + ";\nprint('done')", memory_mb=64)
    assert (r.status, r.stdout) == ("ok", "done\n"), (name, r.stderr[-300:])


@pytest.mark.parametrize("global_name", sorted(set(ABSENT.values())))
def test_ungranted_allocators_are_absent(js_both, global_name):
    r = js_both(f"print(typeof {global_name})")
    assert r.stdout == "undefined\n"


def test_from_base64_loop_is_bounded(js):
    """The reported bypass: 319 MiB of fromBase64 results under memory_mb=256, status ok."""
    r = js("const s = 'AAAA'.repeat(8 << 20); const k = []; while (true) k.push(Uint8Array.fromBase64(s));",
           memory_mb=256, timeout=5.0)
    assert r.status == "memory_limit", r.stderr[-300:]


def test_budget_counts_species_allocations_once(js_both):
    """A species constructor that reaches the guarded constructor is charged once, not twice."""
    r = js_both("const a = new Uint8Array(25 << 20); const b = a.slice(); const c = a.map((x) => x); print(b.length + c.length)",
                memory_mb=80)
    assert (r.status, r.stdout) == ("ok", f"{2 * (25 << 20)}\n"), r.stderr[-300:]


GRANTED_BOMBS = {
    "SharedArrayBuffer": "new SharedArrayBuffer(80 << 20)",
    "SharedArrayBuffer.prototype.slice": "const b = new SharedArrayBuffer(40 << 20); b.slice()",
    "SharedArrayBuffer.prototype.grow": "const b = new SharedArrayBuffer(1, { maxByteLength: 2 ** 30 }); b.grow(80 << 20)",
    "WebAssembly.Memory": "new WebAssembly.Memory({ initial: 1300 })",
    "WebAssembly.Memory.prototype.grow": "new WebAssembly.Memory({ initial: 1, maximum: 65536 }).grow(1300)",
}


@pytest.fixture(scope="module")
def granted():
    """A policy that allows shared memory and WebAssembly (in-process: the bombs are refused)."""
    import dataclasses

    from sandboxes import Sandbox, default_policy

    p = default_policy()
    p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess",
                                                              allow_wasm=True, allow_shared_memory=True))
    with Sandbox(p) as sb:
        yield sb


def test_granted_allocators_all_have_bombs():
    assert set(GRANTED_BOMBS) == set(ABSENT)


@pytest.mark.parametrize("name", sorted(GRANTED_BOMBS))
def test_granted_allocation_over_budget_is_refused(granted, name):
    r = granted.run("js", GRANTED_BOMBS[name], memory_mb=64)
    assert r.status == "memory_limit", (name, r.status, r.stderr[-300:])
    assert r.extra.get("stopped_by") == "prelude-buffer-budget"


def test_granted_allocators_work_within_budget(granted):
    r = granted.run("js", "const s = new SharedArrayBuffer(8, { maxByteLength: 64 }); s.grow(32);\n"
                          "let reads = 0; const m = new WebAssembly.Memory({ get initial() { reads++; return 1 }, maximum: 4 });\n"
                          "m.grow(1); print(s.byteLength, s.slice(0, 4).byteLength, m.buffer.byteLength, reads,"
                          " m instanceof WebAssembly.Memory, String(WebAssembly.Memory))", memory_mb=64)
    assert (r.status, r.stdout) == ("ok", "32 4 131072 1 true function Memory() { [native code] }\n"), r.stderr
