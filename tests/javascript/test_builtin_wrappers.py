# ruff: noqa: E501
"""The prelude's wrappers of built-ins are indistinguishable from the built-ins (issue 11).

The oracle is the same V8 without the prelude: a bare mini-racer context in this process (same
version, so the same error messages), and node where the output does not depend on V8's version.
Each snippet prints lines with ``print``; it runs in the sandbox (both isolations) and bare.
"""

import json
import shutil
import subprocess

import pytest

NODE = shutil.which("node")

# What ordinary code can observe of a wrapped built-in: length, name, source text, attributes,
# own keys, constructor-ness.
SHAPE = r"""
const targets = {
  fill: [].fill, copyWithin: [].copyWithin, toString: Function.prototype.toString,
  taSlice: Uint8Array.prototype.slice, taMap: Uint8Array.prototype.map, taFilter: Uint8Array.prototype.filter,
  taWith: Uint8Array.prototype.with, taToSorted: Uint8Array.prototype.toSorted,
  taToReversed: Uint8Array.prototype.toReversed, abSlice: ArrayBuffer.prototype.slice,
  transfer: ArrayBuffer.prototype.transfer, transferToFixedLength: ArrayBuffer.prototype.transferToFixedLength,
  resize: ArrayBuffer.prototype.resize, fromBase64: Uint8Array.fromBase64, fromHex: Uint8Array.fromHex,
  ArrayBuffer, Uint8Array, Float64Array, BigInt64Array, FinalizationRegistry,
};
for (const k of Object.keys(targets)) {
  const f = targets[k];
  const d = (o, p) => JSON.stringify(Object.getOwnPropertyDescriptor(o, p), (key, v) => typeof v === 'function' ? typeof v : v);
  let ctor;
  try { Reflect.construct(String, [], f); ctor = true; } catch { ctor = false; }
  let caller;
  try { caller = String(f.caller); } catch (e) { caller = e.constructor.name; }
  print(k, f.length, f.name, String(f), Function.prototype.toString.call(f), `${f}`, d(f, 'length'), d(f, 'name'),
        JSON.stringify(Reflect.ownKeys(f).map(String)), ctor, Object.prototype.hasOwnProperty.call(f, 'prototype'), caller);
}
print(Function.prototype.toString.call(Function.prototype.toString));
print(String(Function.prototype.toString.toString));
print(JSON.stringify(Object.getOwnPropertyDescriptor(Function.prototype, 'toString'), (k, v) => typeof v === 'function' ? 'fn' : v));
print(JSON.stringify(Object.getOwnPropertyDescriptor(Array.prototype, 'fill'), (k, v) => typeof v === 'function' ? 'fn' : v));
print(JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'Uint8Array'), (k, v) => typeof v === 'function' ? 'fn' : v));
print(Uint8Array.prototype.constructor === Uint8Array, new Uint8Array(1).constructor === Uint8Array,
      Object.getPrototypeOf(Uint8Array) === Object.getPrototypeOf(Int8Array), Uint8Array.BYTES_PER_ELEMENT);
try { Function.prototype.toString.call({}); } catch (e) { print(e.constructor.name, e.message); }
try { new ([].fill)(); } catch (e) { print(e.constructor.name, e.message); }
"""

# Semantics: conversions once and in order, errors of the right type and message, the spec's
# handling of functions, iterables and custom iterators.
SEMANTICS = r"""
const log = [];
const v = (name, value) => ({ valueOf() { log.push(name); return value; } });
const show = (f) => { try { const r = f(); print('ok', typeof r === 'object' ? JSON.stringify(Array.from(r)) : String(r)); }
                      catch (e) { print(e.constructor.name, e.message); } };
show(() => [1, 2, 3, 4, 5].fill(0, v('start', 1), v('end', 3)));
show(() => [1, 2, 3, 4, 5].copyWithin(v('target', 0), v('start', 3), v('end', 5)));
show(() => Array.prototype.fill.call({ get length() { log.push('length'); return 3; } }, 7, v('s', 0)));
show(() => Array.prototype.copyWithin.call({ length: v('len', 4), 0: 'a', 2: 'c' }, 1, 0));
print(log.join(','));
show(() => [].fill.call(undefined, 1));
show(() => [].fill.call(null));
show(() => [].copyWithin.call(undefined, 0));
show(() => Object.freeze([1, 2]).fill(0));
show(() => [1, 2, 3].fill(9, Symbol()));
show(() => [1, 2, 3].fill(9, 1n));
show(() => [1, 2, 3].fill(9, { valueOf() { return {}; }, toString() { return {}; } }));
show(() => [1, 2, 3].fill(9, { [Symbol.toPrimitive]: 5 }));
show(() => [0, 1, 2, 3, 4, 5].copyWithin(2, 0));
show(() => [0, 1, , 3].copyWithin(0, 1));
show(() => new Array(4).fill(1, -2));
show(() => [1, 2, 3].fill(0, -Infinity, Infinity));
show(() => new Uint8Array(function (a, b) {}));
show(() => new Uint8Array(Object.assign(function (a, b, c) {}, { 0: 5, 1: 6 })));
const custom = [1, 2, 3];
custom[Symbol.iterator] = function* () { yield 7; yield 8; };
show(() => new Uint8Array(custom));
show(() => new Float64Array(new Set([1.5, 2.5])));
show(() => new Uint8Array({ length: 2, 0: 1, 1: 2 }));
show(() => new Uint8Array({ [Symbol.iterator]: 1 }));
show(() => new Uint8Array({ [Symbol.iterator]() { return 1; } }));
show(() => new Uint8Array({ [Symbol.iterator]() { return { next() { return 1; } }; } }));
show(() => new Uint8Array({ [Symbol.iterator]: null, length: 1, 0: 4 }));
show(() => new Uint8Array(8n));
show(() => new Uint8Array(-1));
show(() => new Uint8Array(Symbol()));
show(() => new Uint8Array('3'));
show(() => new Uint8Array(2.7));
show(() => new Float64Array([1n]));
show(() => new BigInt64Array([1, 2]));
show(() => new BigInt64Array([1n, 2n]));
show(() => Uint8Array(2));
show(() => new ArrayBuffer(8n));
show(() => new ArrayBuffer(-1));
show(() => new ArrayBuffer(Symbol()));
show(() => new ArrayBuffer(2, Object.assign(function () {}, { maxByteLength: 8 })).maxByteLength);
show(() => new ArrayBuffer(2, { maxByteLength: 1 }));
show(() => new ArrayBuffer(2, { maxByteLength: 1n }));
const order = [];
show(() => new ArrayBuffer({ valueOf() { order.push('len'); return -1; } }, { get maxByteLength() { order.push('max'); return 8; } }));
show(() => new ArrayBuffer({ valueOf() { order.push('len2'); return 1; } }, { get maxByteLength() { order.push('max2'); return 8; } }).resizable);
print(order.join(','));
show(() => new ArrayBuffer(4).transfer(v('newLength', 8)).byteLength);
show(() => { const b = new ArrayBuffer(2, { maxByteLength: 16 }); b.resize(v('resize', 10)); return b.byteLength; });
show(() => new ArrayBuffer(4).resize(8));
show(() => ArrayBuffer.prototype.slice.call(new Uint8Array(2)));
show(() => Uint8Array.prototype.slice.call([1, 2]));
show(() => Uint8Array.fromBase64('AQID'));
show(() => Uint8Array.fromBase64(5));
show(() => Uint8Array.fromBase64('@@'));
show(() => Uint8Array.fromHex('0a0b'));
show(() => Uint8Array.fromHex('0'));
show(() => new Uint8Array([5, 1, 4]).toSorted());
show(() => new Uint8Array([5, 1, 4]).with(0, 9));
show(() => new Uint8Array(new Int16Array([300, -1])));
show(() => { class Sub extends Uint8Array {} const s = new Sub([1, 2]); return [s instanceof Sub, s.length, Sub.from([1]) instanceof Sub]; });
show(() => { class Sub extends Uint8Array {} return Object.getPrototypeOf(Reflect.construct(Uint8Array, [new Set([1])], Sub)) === Sub.prototype; });
show(() => Uint8Array.from({ length: 3 }, (_, i) => i * 2));
show(() => Uint8Array.of(1, 2, 300));
const shrinking = [1, 2, 3];
Object.defineProperty(shrinking, 1, { get() { shrinking.length = 2; return 9; } });
show(() => new Uint8Array(shrinking));
const AIP = Object.getPrototypeOf([][Symbol.iterator]());
const next = AIP.next;
AIP.next = function () { const r = next.call(this); if (!r.done) r.value *= 2; return r; };
show(() => new Uint8Array([1, 2]));
AIP.next = next;
show(() => (function () { return new Uint8Array(arguments); })(4, 5));
show(() => new Uint8Array(new Proxy([7, 8], { get(t, k) { log.push('get ' + String(k)); return Reflect.get(t, k); } })));
print(log.join(','));
"""


def _bare_v8(code: str) -> str:
    """``code`` in a fresh V8 context without the prelude; what it printed."""
    from py_mini_racer import MiniRacer

    mr = MiniRacer()
    try:
        wrapped = ("(() => { const __out = []; const print = (...a) => __out.push(a.map(String).join(' '));\n"
                   f"{code}\n; return __out.join('\\n') + '\\n'; }})()")
        return mr.eval(wrapped)
    finally:
        mr.close()


@pytest.fixture(scope="module")
def bare(sandbox_inprocess):
    assert sandbox_inprocess.run("js", "").status == "ok"  # V8 initialised before a second context
    return _bare_v8


@pytest.mark.parametrize("snippet", [SHAPE, SEMANTICS], ids=["shape", "semantics"])
def test_wrappers_match_bare_v8(js_both, bare, snippet):
    # The one difference the prelude chooses (see guardConstructor): V8's message formatter
    # prints an ArrayBuffer whose constructor is a Proxy as "[object ArrayBuffer]".
    expected = bare(snippet).replace("#<ArrayBuffer>", "[object ArrayBuffer]")
    r = js_both(snippet)
    assert r.status == "ok", r.stderr
    assert r.stdout.splitlines() == expected.splitlines()


def test_native_source_text(js_both):
    r = js_both("print(String([].fill)); print(`${Uint8Array}`); print(Function.prototype.toString.call(ArrayBuffer));"
                "print(Function.prototype.toString.call(Function.prototype.toString));"
                "print([].copyWithin.length, Uint8Array.prototype.slice.length, [].fill.length)")
    assert r.stdout == ("function fill() { [native code] }\nfunction Uint8Array() { [native code] }\n"
                        "function ArrayBuffer() { [native code] }\nfunction toString() { [native code] }\n2 2 1\n")


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("code", [
    "console.log(new Uint8Array(function (a, b) {}))",
    "const a = [1, 2, 3]; a[Symbol.iterator] = function* () { yield 9; }; console.log(new Uint8Array(a))",
    "try { new Uint8Array(8n) } catch (e) { console.log(e instanceof TypeError) }",
    "try { new ArrayBuffer(8n) } catch (e) { console.log(e instanceof TypeError) }",
    "try { [].fill.call(undefined, 1); console.log('no') } catch (e) { console.log(e instanceof TypeError) }",
    "let n = 0; [1, 2].fill(0, { valueOf() { n++; return 0 } }); [1, 2].copyWithin({ valueOf() { n++; return 0 } }, 1); console.log(n)",
    "console.log(new ArrayBuffer(1, Object.assign(function () {}, { maxByteLength: 8 })).maxByteLength)",
    "console.log([].fill.length, [].copyWithin.length, Uint8Array.prototype.slice.length, String([].fill))",
])
def test_wrappers_match_node(js_both, code):
    expected = subprocess.run([NODE, "-e", code], capture_output=True, text=True, timeout=30).stdout
    r = js_both(code)
    assert (r.status, r.stdout) == ("ok", expected), r.stderr


STACK_PROBES = [
    "new ArrayBuffer(-1)", "new Uint8Array(-1)", "new Uint8Array(8n)", "new ArrayBuffer(8n)",
    "[].fill.call(undefined, 1)", "[].copyWithin.call(null)", "Function.prototype.toString.call({})",
    "new Uint8Array({ [Symbol.iterator]: 1 })", "[1].fill(0, Symbol())", "new ArrayBuffer(2 ** 40)",
    "new Uint8Array(2 ** 40)", "Uint8Array.fromBase64(1)", "new ArrayBuffer(4).resize(8)",
    "Uint8Array.prototype.slice.call([])", "new Float64Array([1n])", "new ArrayBuffer(2, { maxByteLength: 1 })",
]


@pytest.mark.parametrize("expr", STACK_PROBES)
def test_error_stacks_show_no_prelude_frames(js_both, expr):
    r = js_both(f"try {{ {expr}; print('no error') }} catch (e) {{ print(e.stack) }}", memory_mb=64)
    assert r.status == "ok", r.stderr
    assert "no error" not in r.stdout
    assert "sandboxes-prelude" not in r.stdout and "sandboxes-host" not in r.stdout
    assert "main.js:1:" in r.stdout  # the guest's own frame is there


def test_uncaught_error_after_caught_refusal_is_an_error(js_both):
    """A refusal the guest caught does not turn a later, unrelated error into memory_limit."""
    refused = "try { new ArrayBuffer(2 ** 40) } catch (e) { print(e.constructor.name) }\n"
    r = js_both(refused + "null.x")
    assert r.status == "error" and r.stdout == "RangeError\n"
    assert "TypeError" in r.stderr
    r = js_both(refused + "setTimeout(() => { throw new Error('later') })")
    assert r.status == "error" and "later" in r.stderr
    # ... while the refusal itself, uncaught, is the memory limit.
    r = js_both("new ArrayBuffer(2 ** 40)")
    assert r.status == "memory_limit"
    # Forged text without a refusal is not.
    r = js_both("throw new RangeError('Array buffer allocation failed: 9 bytes exceed the sandbox memory limit')")
    assert r.status == "error"


def test_stack_descriptor_is_native(js_both, bare):
    snippet = ("let e; try { new Uint8Array(-1) } catch (x) { e = x }\n"
               "print(JSON.stringify(Object.getOwnPropertyDescriptor(e, 'stack'), (k, v) => typeof v === 'function' ? 'fn' : v),"
               " Object.keys(e).length, e.message, e.constructor === RangeError)")
    expected = bare(snippet)
    r = js_both(snippet)
    assert r.stdout == expected, r.stderr
    assert json.loads(expected.split(" ")[0])["configurable"] is True


def test_console_log_of_100_mb_ends_output_limit_at_once(js_both):
    """The format string was scanned for '%' a character at a time in JavaScript: a 100 MB
    string kept the run busy until the deadline (timeout) instead of stopping at the cap."""
    import time

    for code in ("console.log('B'.repeat(1e8))", "console.log('%s', 'B'.repeat(1e8))",
                 "console.log('B'.repeat(1e8) + '%d', 1)"):
        start = time.monotonic()
        r = js_both(code, timeout=5.0)
        assert r.status == "output_limit", (code, r.status)
        assert time.monotonic() - start < 2.0
        assert r.stdout == "B" * len(r.stdout) and len(r.stdout) > 0


# Guest code that the prelude schedules: each callback runs as a promise job of its own (a bound
# Reflect.apply), so nothing of the prelude or of the host's call is below its frames.
GUEST_CODE_AS_JOBS = {
    "timer": "setTimeout(() => { try { null.x } catch (e) { print(e.stack) } })",
    "interval": "const id = setInterval(() => { clearInterval(id); print(new Error('i').stack) }, 1)",
    "immediate": "setImmediate((a, b) => print(a + b, new Error('m').stack), 1, 2)",
    "microtask": "queueMicrotask(() => print(new Error('q').stack))",
    "next_tick": "process.nextTick((x) => print(x, new Error('n').stack), 'arg')",
    "capture": "function f() { const o = {}; Error.captureStackTrace(o); return o.stack } setTimeout(() => print(f()))",
    "stdout_write_callback": "process.stdout.write('w\\n', () => print(new Error('w').stack))",
}

# Guest code that prelude code calls synchronously: a conversion or iterator that a wrapper of a
# built-in runs, a listener that the Node shims' emit() calls. Their stacks hold the wrapper's
# frame (where bare V8 shows "at new Uint8Array (<anonymous>)") and, for listeners, the shims'
# frames (as Node shows node:events frames). V8 gives an embedder without extensions no way to hide
# a script's frames; an Error.prepareStackTrace accessor that formats without them works (measured)
# but is itself visible (tests/javascript/test262/test_builtin_shape.py).
GUEST_CODE_UNDER_PRELUDE = {
    "fill_valueOf": "[1].fill(0, { valueOf() { print(new Error('v').stack); return 0 } })",
    "typed_array_iterator": "new Uint8Array({ [Symbol.iterator]() { print(new Error('it').stack); return [][Symbol.iterator]() } })",
    "array_like_getter": "new Uint8Array({ length: 1, get 0() { print(new Error('g').stack); return 1 } })",
    "buffer_length": "new ArrayBuffer({ valueOf() { print(new Error('l').stack); return 1 } })",
    "readline_listener": "require('readline').createInterface({ input: process.stdin }).on('line', () => print(new Error('r').stack))",
}


@pytest.mark.parametrize("name", sorted(GUEST_CODE_AS_JOBS))
def test_guest_stacks_of_scheduled_callbacks_show_only_guest_frames(js_both, name):
    """Timers, immediates, microtasks, nextTick and write callbacks see their own frames only."""
    r = js_both(GUEST_CODE_AS_JOBS[name])
    assert r.status == "ok", r.stderr
    frames = [ln for ln in r.stdout.splitlines() if ln.startswith("    at ")]
    assert frames and all("main.js:" in ln for ln in frames), r.stdout


def test_uncaught_error_of_a_timer_is_reported_at_the_guest_line(js_both):
    r = js_both("let n = 0;\nsetTimeout(function later() {\n  n.call();\n}, 1);\n")
    assert r.status == "error" and r.exit_code == 1
    assert r.stderr.startswith("main.js:3:5\n  n.call();\n    ^\n\nUncaught TypeError: n.call is not a function\n"), r.stderr
    assert "at Timeout.later" not in r.stderr and "    at later (main.js:3:5)" in r.stderr
    assert "prelude" not in r.stderr and "sandboxes-host" not in r.stderr


@pytest.mark.xfail(strict=True, reason=(
    "known gap: guest code that a wrapper of a built-in or the Node shims' emit() calls synchronously has "
    "the prelude's frames between its own (see GUEST_CODE_UNDER_PRELUDE)"))
@pytest.mark.parametrize("name", sorted(GUEST_CODE_UNDER_PRELUDE))
def test_guest_stacks_under_prelude_code_show_no_prelude_frames(js_both, name):
    """Guest code that a wrapper or an emitter calls should see its own frames only."""
    r = js_both(GUEST_CODE_UNDER_PRELUDE[name], stdin="x\n")
    assert r.status == "ok", r.stderr
    assert "    at " in r.stdout
    assert "sandboxes-prelude" not in r.stdout and "sandboxes-host" not in r.stdout


def test_guest_prepare_stack_trace_is_its_own(js_both):
    r = js_both("const f = (e, cs) => 'custom ' + cs.length; Error.prepareStackTrace = f;\n"
                "print(Error.prepareStackTrace === f, new Error('x').stack);\n"
                "Error.prepareStackTrace = undefined; print(new Error('y').stack.split('\\n')[0])")
    assert r.status == "ok", r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("true custom ")
    assert lines[1] == "Error: y"


def test_stack_headers_match_bare_v8(js_both, bare):
    snippet = r"""
    const heads = [];
    const head = (e) => String(e.stack).split('\n')[0];
    const e1 = new Error('m'); e1.name = 'Custom'; heads.push(head(e1));
    class E extends Error { get name() { throw 1 } } heads.push(head(new E('k')));
    heads.push(head(new TypeError('two\nlines')));
    const o = { name: 'N', message: 'M' }; Error.captureStackTrace(o); heads.push(head(o));
    const p = { toString() { return 'P' } }; Error.captureStackTrace(p); heads.push(head(p));
    heads.push(head(new RangeError()));
    Error.stackTraceLimit = 0; heads.push(JSON.stringify(new Error('z').stack)); Error.stackTraceLimit = 10;
    print(heads.join(' | '));
    """
    expected = bare(snippet)
    r = js_both(snippet)
    assert (r.status, r.stdout) == ("ok", expected), r.stderr
