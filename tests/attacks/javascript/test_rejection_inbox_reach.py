# Tries: reach the prelude's rejection inbox (the array the host's PromiseRejectCallback fills
# with promise, reason, id entries) or its bookkeeping from the places a guest runs while
# rejections are processed: Error.prepareStackTrace CallSites' getThis()/getFunction() in an
# 'unhandledRejection' or 'rejectionHandled' listener, a then() reaction, a microtask and a
# timer; Function.prototype.caller chains from a sloppy function; the listener's `this` and
# arguments; the promise's prototype; process's own properties and listeners. A reached inbox
# (a null-prototype array, or any array holding the rejected promise) would let a guest forge or
# hide rejections. Published: vm2 CVE-2023-29017 and CVE-2022-36067 (host objects reached
# through Error.prepareStackTrace and the CallSites passed to it).
SAFE_IN_PROCESS = True

PAYLOAD = r"""
const found = [];
let seen = 0;
let p;
function look(where, v) {
  if (v === null || v === undefined) return;
  if (typeof v === 'function') seen++;
  if (Array.isArray(v) && (Object.getPrototypeOf(v) === null || v.includes(p))) found.push(where);
  if (typeof v === 'object' && !(v instanceof Object) && !Array.isArray(v)) found.push(where + ':foreign');
}
function collect(where) {
  const old = Error.prepareStackTrace;
  Error.prepareStackTrace = (e, cs) => cs;
  const cs = new Error().stack;
  Error.prepareStackTrace = old;
  if (!Array.isArray(cs)) return;
  for (const c of cs) {
    try { look(where + ':this', c.getThis()); look(where + ':fn', c.getFunction()) } catch {}
  }
}
function sloppy() {
  try { let f = sloppy.caller; for (let i = 0; f && i < 10; i++) { look('caller', f); f = f.caller } } catch {}
}
process.on('unhandledRejection', function (reason, promise) {
  collect('listener'); sloppy();
  look('this', this); for (const a of arguments) look('arg', a);
  look('proto', Object.getPrototypeOf(promise));
  for (const k of Reflect.ownKeys(process)) { try { look('process.' + String(k), process[k]) } catch {} }
  for (const l of process.listeners('unhandledRejection')) look('listeners', l);
});
process.on('rejectionHandled', function () {
  collect('handled'); sloppy(); for (const a of arguments) look('harg', a)
});
p = Promise.reject(1);
Promise.reject(2).then(null, function () { collect('then'); sloppy() });
queueMicrotask(function () { collect('qm'); sloppy() });
setTimeout(function () { collect('timer'); sloppy(); p.catch(() => {}) }, 1);
setTimeout(() => console.log(JSON.stringify(found), seen > 5), 5);
"""


def test_no_guest_code_reaches_the_inbox(js, assert_clean):
    r = js(PAYLOAD)
    assert (r.status, r.stdout) == ("ok", "[] true\n"), (r.stdout, r.stderr)
    assert_clean()


def test_a_guest_array_of_promises_is_a_reason_like_any_other(js):
    """A reason shaped like the inbox (null prototype, promise, reason pairs) is only reported."""
    r = js("const a = []; Object.setPrototypeOf(a, null); const q = Promise.reject(7); q.catch(() => {});\n"
           "[q, 7, 1, q, a, a].forEach((v, i) => { a[i] = v }); Promise.reject(a)")
    assert r.exit_code == 1 and 'reason "[object Array]"' in r.stderr, r.stderr
    r = js("const a = []; Object.setPrototypeOf(a, null); let n = 0\n"
           "process.on('unhandledRejection', (reason) => { n++; if (reason === a) console.log('mine') })\n"
           "Promise.reject(a); setTimeout(() => console.log(n), 0)")
    assert (r.status, r.stdout) == ("ok", "mine\n1\n"), r.stderr
