# Tries: override the built-ins an output collector typically uses (String.prototype methods,
# Array.prototype.push/join, JSON.stringify, Reflect.apply, Function.prototype.call/apply, index
# setters on Array.prototype) to corrupt or hijack output collection (published: vm2 GHSA-g644-9gfx-q4q4
# "sandbox escape via overridden built-ins in the bridge"; SES/Hardened JS "prototype poisoning").

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_overridden_intrinsics_do_not_affect_output(js, assert_clean):
    r = js("""
    let hits = 0;
    const m = new Map([[1, 2]]);
    const trap = (name) => function () { hits++; return 'hijacked'; };
    String.prototype.charCodeAt = trap('charCodeAt');
    String.prototype.slice = trap('slice');
    String.prototype.split = trap('split');
    String.prototype.padStart = trap('padStart');
    String.prototype.indexOf = trap('indexOf');
    Array.prototype.push = trap('push');
    Array.prototype.join = trap('join');
    Map.prototype.set = trap('set'); Map.prototype.get = trap('get'); Map.prototype.has = trap('has');
    JSON.stringify = trap('stringify');
    Reflect.apply = trap('apply'); Reflect.ownKeys = trap('ownKeys'); Reflect.defineProperty = trap('defineProperty');
    Function.prototype.call = trap('call'); Function.prototype.apply = trap('apply');
    Object.defineProperty(Array.prototype, '0', { set(v) { hits++; }, configurable: true });
    Object.defineProperty(Object.prototype, 'value', { get() { hits++; return 'x'; }, configurable: true });
    console.log([1, 'two', { three: 3 }], m, 'ok \\u00e9');
    console.error('err');
    print(hits);
    """)
    assert r.status == "ok", r.stderr
    assert r.stdout == "[ 1, 'two', { three: 3 } ] Map(1) { 1 => 2 } ok \u00e9\n0\n"
    assert r.stderr == "err\n"
    assert_clean()
