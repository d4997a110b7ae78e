"""The Web and Node globals of issue 13: atob/btoa, TextEncoder/TextDecoder, structuredClone,
URL/URLSearchParams, Buffer, DOMException, require('buffer'|'url'); top-level await in strict mode.

Each case runs in the sandbox (default policy) and in native node, and the outputs are compared
byte for byte. Nothing here prints a stack (its frames differ by design).
"""

import shutil
import subprocess

import pytest

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node not installed")

CASES = {
    "atob_btoa": r"""
for (const s of ['aGVsbG8=', ' aGVs bG8= ', 'YQ', 'YQ=', 'YQ==', 'abcde', 'ab=c', 'a', '====', '*', '8J+YgA==']) {
  try { console.log(JSON.stringify(atob(s))) } catch (e) { console.log(e.name, e.code, e.message, e instanceof DOMException, e instanceof Error) }
}
console.log(btoa('hello'), btoa(''), btoa(null), btoa(12), btoa('\xff\xfe'))
for (const f of [() => btoa('\u0100'), () => btoa(), () => atob()]) {
  try { f() } catch (e) { console.log(e.name, e.code, e.message, String(e.stack).split('\n')[0], Object.prototype.toString.call(e)) }
}
""",
    "text_encoding": r"""
const te = new TextEncoder();
console.log(te.encoding, te.encode('hé€😀'), te.encode(), te.encode('\ud800'), te.encodeInto('abc€', new Uint8Array(4)));
console.log(te, new TextDecoder(), new TextDecoder('utf-16le').encoding, new TextDecoder('UTF8').encoding);
const td = new TextDecoder();
console.log(td.decode(new Uint8Array([104, 195, 169])), td.decode(new Uint8Array([0xef, 0xbb, 0xbf, 65])), td.decode());
console.log(JSON.stringify(td.decode(new Uint8Array([0xff, 0xc3, 0x41, 0xe2, 0x82]))), td.decode(new Uint8Array([104, 105]).buffer));
const bytes = te.encode('€uro');
console.log(td.decode(bytes.subarray(0, 2), { stream: true }) + td.decode(bytes.subarray(2)));
console.log(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 65])).length);
console.log(new TextDecoder('utf-16le').decode(new Uint16Array([104, 105, 0x20ac])), new TextDecoder('latin1').decode(new Uint8Array([233])));
for (const f of [() => new TextDecoder('foo'), () => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])),
                 () => td.decode('x')]) {
  try { f() } catch (e) { console.log(e.name, e.code, e.message) }
}
""",
    "structured_clone": r"""
const o = { a: 1, s: 'x', n: null, u: undefined, d: new Date(86400000), r: /a+/gi, m: new Map([['k', { x: 1n }]]),
  set: new Set([1, [2]]), t: new Uint8Array([1, 2]), f64: new Float64Array([0.5]), ab: new ArrayBuffer(3), arr: [1, , 3],
  nested: { deep: [{ x: [1, 2] }] }, boxed: new Number(3), big: 10n, neg: -0 };
o.self = o;
const c = structuredClone(o);
console.log(c, c.self === c, c !== o, c.d instanceof Date, c.m.get('k') !== o.m.get('k'), Object.is(c.neg, -0));
class P { #x = 1; constructor() { this.a = 1; } get g() { return 2; } m() {} }
const p = structuredClone(new P());
console.log(p, p instanceof P, Object.getPrototypeOf(p) === Object.prototype);
const e = structuredClone(new RangeError('bad', { cause: 'why' }));
console.log(e instanceof RangeError, e.name, e.message, e.cause);
const shared = [1]; const two = structuredClone({ a: shared, b: shared }); console.log(two.a === two.b);
const u8 = new Uint8Array([1, 2, 3, 4]); const views = structuredClone({ x: u8.subarray(1, 3), y: u8 });
console.log(views.x, views.x.buffer === views.y.buffer, views.x.byteOffset);
for (const v of [() => 1, Symbol('s'), Promise.resolve(), new WeakMap(), { f() {} }, [function named() {}]]) {
  try { structuredClone(v); console.log('cloned') } catch (e) { console.log(e.name, e.code, e.message) }
}
try { structuredClone() } catch (e) { console.log(e.name, e.code, e.message) }
""",
    "url": r"""
const u = new URL('http://user:pw@EXAMPLE.org:8080/p/./q/../r/?a=1#top');
console.log(u.href, u.origin, u.protocol, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.username, u.password);
u.searchParams.append('b', '2 3'); console.log(u.href, u.search);
u.search = '?z=9'; console.log(u.searchParams.get('z'), u.href);
u.hash = 'x y'; u.pathname = '/new path'; u.port = '80'; console.log(u.toString(), JSON.stringify({ u }));
u.port = '9000'; u.hostname = 'Other.COM'; u.protocol = 'https'; console.log(u.href);
console.log(new URL('../x?y#z', 'https://a.com/b/c/d').href, new URL('//h.com/p', 'https://a.com').href,
  new URL('?q', 'https://a.com/p?x#f').href, new URL('#h', 'https://a.com/p?x').href, new URL('/abs', 'https://a.com/b/c').href,
  new URL('', 'https://a.com/p?x#f').href);
console.log(new URL('mailto:Someone@Example.com').pathname, new URL('file:///etc/passwd').href, new URL('http://192.168.0.1:80/').href,
  new URL('HTTPS://a.com:443').href, new URL('https://a.com/a b/é?q=é&r=a b#f g').href, new URL('http://0x7f.1/').host);
console.log(URL.canParse('x'), URL.canParse('x', 'http://a'), String(new URL('http://a.com')), new URL('http://a.com') + '');
console.log(new URL('https://example.com:8443/a?x=1&y=2#f'));
console.log({ u: new URL('https://a.b/c') }, [new URL('https://a.b/c').searchParams]);
for (const bad of ['nope', 'http://', 'http://a b/', 'http://x:99999/', 'https://ex ample.com']) {
  try { new URL(bad); console.log('parsed', bad) } catch (e) { console.log(e.name, e.code, e.message, e.input) }
}
try { new URL('x', 'y') } catch (e) { console.log(e.name, e.code, e.input) }
""",
    "url_search_params": r"""
console.log(new URLSearchParams({ a: 'x y', 'b&': 'é', c: '*-._~!' }).toString(), [...new URLSearchParams('?q=a+b&r=%20c&&s')]);
const sp = new URLSearchParams('b=2&a=1&b=1');
sp.sort(); console.log(sp.toString(), sp.getAll('b'), sp.get('zz'), sp.has('a'), sp.has('b', '3'), sp.size);
sp.delete('b'); sp.set('c', 3); sp.append('a', 'two');
console.log(sp + '', [...sp.keys()], [...sp.values()], [...sp.entries()], sp);
sp.forEach((v, k, self) => console.log(k, v, self === sp));
console.log(new URLSearchParams([['x', 1], ['y', 2]]).toString(), new URLSearchParams(new Map([['m', 'n']])).toString(), new URLSearchParams());
try { new URLSearchParams([['x']]) } catch (e) { console.log(e.name, e.code, e.message) }
""",
    "buffer": r"""
console.log(Buffer.from('hi'), Buffer.from('aGk=', 'base64').toString(), Buffer.alloc(3), Buffer.alloc(4, 'ab'), Buffer.alloc(2, 7),
  Buffer.byteLength('hé'), Buffer.byteLength('aGk=', 'base64'));
console.log(Buffer.from('hello world').toString('hex'), Buffer.from('68656c6c6fzz', 'hex').toString(), Buffer.from([1, 2, 300]).toJSON(),
  Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString(), Buffer.concat([Buffer.from('abc')], 2).toString());
console.log(Buffer.from('hello').slice(1, 3), Buffer.from('hello').subarray(2), Buffer.alloc(60));
console.log(Buffer.isBuffer(Buffer.from('')), Buffer.isBuffer(new Uint8Array(1)), Buffer.from('abc').map((x) => x + 1), Buffer.from('hé').length,
  Buffer.from('hi').equals(Buffer.from('hi')), Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a')));
console.log(String(Buffer.from('xyz')), Buffer.from('x') instanceof Uint8Array, Buffer.from('x') instanceof Buffer, Buffer.from('hello').toString('base64'),
  Buffer.from('aGVsbG8', 'base64').toString('utf8'), Buffer.from('hi', 'latin1'), Buffer.from('héllo', 'ascii'), Buffer.from('é', 'latin1').toString('latin1'));
const b = Buffer.alloc(8); b.write('hey', 1); console.log(b, b.readUInt8(1), Buffer.from([1, 2, 3, 4]).readUInt32BE(0), Buffer.from([1, 2, 3, 4]).readUInt16LE(1),
  Buffer.from([255]).readInt8(0), Buffer.from(new Uint8Array([9, 8]).buffer), Buffer.from(Buffer.from('copy')).toString('utf-8'));
console.log(JSON.stringify(Buffer.from('ab')), Buffer.isEncoding('utf8'), Buffer.isEncoding('nope'), Buffer.from('abc').toString('utf8', 1, 2),
  require('buffer').Buffer === Buffer, require('node:buffer').Buffer === Buffer, Buffer.from('€').length, [...Buffer.from('ab')]);
for (const f of [() => Buffer.alloc(-1), () => Buffer.alloc('x'), () => Buffer.from(5), () => Buffer.from('a').readUInt8(3), () => Buffer.from('a', 'klingon')]) {
  try { f() } catch (e) { console.log(e.name, e.code, e.message) }
}
""",
    "require_url": r"""
const { URL: U, URLSearchParams: P } = require('url');
console.log(U === URL, P === URLSearchParams, require('node:url').URL === URL, typeof structuredClone, typeof DOMException);
const d = new DOMException('msg', 'AbortError'); console.log(d.name, d.message, d.code, d instanceof Error, String(d));
""",
    "console_table_and_inspect_kinds": r"""
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table({ r1: { x: 1 }, r2: { y: 'long value' } });
console.table([1, 'two', { k: 3 }]);
console.table([[1, 2], [3, 4, 5]]);
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['a']);
console.table(5);
console.log({ g: async () => {}, h: function* gen() {}, k: async function named() {}, ag: async function* () {} });
console.log(new String('ab'), new WeakMap(), new WeakSet(), '%o', [1, [2]], new Set(Array.from({ length: 12 }, (_, i) => i)));
const t = setTimeout(() => {}, 1); console.log(typeof t, typeof +t, t.hasRef(), t.unref() === t, t.hasRef()); clearTimeout(t);
""",
    "next_tick_before_promise_jobs": r"""
'use strict';
console.log('1 sync');
setTimeout(() => console.log('6 timeout 0'), 0);
Promise.resolve().then(() => console.log('4 microtask')).then(() => console.log('5 microtask 2'));
process.nextTick(() => { console.log('3 nextTick', typeof this); process.nextTick(() => console.log('3b nested tick')); });
process.nextTick((a, b) => console.log('3a tick args', a, b), 1, 2);
queueMicrotask(() => console.log('4b queueMicrotask'));
(async () => { console.log('2 async start'); await null; console.log('4c after await'); process.nextTick(() => console.log('4d tick')); })();
""",
    "tla_strict_module_scope": r"""
await null;
var x = 1; function f() { return this; }
console.log(globalThis.x, x, typeof globalThis.f, f(), this);
try { undeclared = 5 } catch (e) { console.log(e.name, e.message) }
console.log(typeof globalThis.undeclared);
""",
}


def node(code: str, stdin: str = "", suffix: str = ".js", tmp_path=None) -> subprocess.CompletedProcess:
    path = tmp_path / f"main{suffix}"
    path.write_text(code, encoding="utf-8")
    return subprocess.run([NODE, str(path)], input=stdin, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_node(js, tmp_path, name):
    code = CASES[name]
    native = node(code, tmp_path=tmp_path)
    assert native.returncode == 0, native.stderr
    r = js(code)
    assert r.status == "ok", r.stderr
    assert r.stdout == native.stdout


def test_buffer_allocations_are_charged_to_the_budget(js):
    """Buffer.alloc, Buffer.from, TextEncoder and structuredClone all allocate through the guarded
    Uint8Array/ArrayBuffer, so the memory limit refuses them like the guest's own typed arrays."""
    for code in ["Buffer.alloc(80 << 20)", "Buffer.from({ length: 80 << 20 })", "const k = []; for (;;) k.push(new TextEncoder().encode('€'.repeat(1 << 20)))",
                 "const a = new ArrayBuffer(40 << 20); structuredClone([a, a.slice(0)])",
                 "const parts = []; for (let i = 0; i < 100; i++) parts.push(Buffer.allocUnsafe(1 << 20)); Buffer.concat(parts)"]:
        r = js(code, memory_mb=64, timeout=30)
        assert r.status == "memory_limit", (code, r.status, r.stderr[-300:])
        assert r.extra.get("stopped_by") == "prelude-buffer-budget", (code, r.extra)


def test_other_modules_stay_refused_by_name(js):
    for module in ["os", "util", "crypto", "child_process", "node:path", "events"]:
        r = js(f"const m = require('{module}')")
        assert r.status == "violation", module
        assert f"module '{module}'" in r.stderr and "require('buffer')" in r.stderr


def test_tla_strict_syntax_is_checked(js, tmp_path):
    """Top-level-await code compiles as a module body does: strict-mode syntax errors are errors."""
    code = "await null;\nwith (Math) console.log(PI)\n"
    native = node(code, suffix=".mjs", tmp_path=tmp_path)  # (Node's module detection needs code that parses)
    assert native.returncode == 1 and "SyntaxError: Strict mode code may not include a with statement" in native.stderr
    r = js(code)
    assert r.status == "compile_error", (r.status, r.stderr)
    assert "Strict mode code may not include a with statement" in r.stderr


ESM_CASES = {
    "default_and_named": "import fs, { readFileSync as read } from 'node:fs';\nimport * as rl from 'readline';\n"
                         "console.log(fs.readFileSync === read, typeof rl.createInterface, read(0, 'utf8').trim(), typeof this);\n",
    "multiline_named": "import {\n  readFileSync,\n} from 'fs';\nconst x = readFileSync(0, 'utf8');\n"
                       "try { null.f } catch (e) { console.log(e.stack.split('\\n')[1].includes('main.js:5')) }\nconsole.log(x.length);\n",
    "module_scope": "import 'fs';\nimport process from 'process';\nvar v = 1;\nawait null;\n"
                    "console.log(typeof globalThis.v, process.argv.length);\n",
}


@pytest.mark.parametrize("name", sorted(ESM_CASES))
def test_es_module_imports_of_the_shims(js, tmp_path, name):
    """`import ... from 'fs'` (and readline, process, buffer, url) is rewritten to require() on the
    same lines and the program runs as Node runs an ES module (strict, module-scoped, top-level await)."""
    code = ESM_CASES[name]
    native = node(code, stdin="in\n", tmp_path=tmp_path)
    assert native.returncode == 0, native.stderr
    r = js(code, stdin="in\n")
    assert r.status == "ok", r.stderr
    assert r.stdout == native.stdout


def test_imports_of_other_modules_stay_refused(js):
    r = js("import fs from 'fs';\nimport os from 'os';\nimport { x } from './local.js';\n")
    assert r.status == "violation"
    assert [v.line for v in r.violations] == [2, 3], r.violations
    assert "module 'os'" in r.stderr and "module './local.js'" in r.stderr


def test_next_tick_error_ends_the_script_as_node(js, tmp_path):
    code = "process.nextTick(() => { throw new RangeError('tick boom') });\nconsole.log('before');\n"
    native = node(code, tmp_path=tmp_path)
    assert native.returncode == 1 and "RangeError: tick boom" in native.stderr
    r = js(code)
    assert (r.status, r.exit_code, r.stdout) == ("error", 1, native.stdout)
    assert "Uncaught RangeError: tick boom" in r.stderr and "sandboxes" not in r.stderr
