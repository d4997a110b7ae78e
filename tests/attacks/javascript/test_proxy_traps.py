# Tries: hand the output collector a Proxy whose traps capture whatever the host-side code
# passes in (arguments, receivers), looking for internal objects (published: vm2 GHSA-whpj-8f3w-67p5,
# CVE-2022-25893-style Proxy handler escapes in vm2's bridge).

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_proxy_traps_see_only_guest_values(js, assert_clean):
    r = js("""
    const got = [];
    const handler = new Proxy({}, { get(_, trap) { return (...args) => { got.push(...args); return Reflect[trap](...args); }; } });
    const p = new Proxy({ a: 1, nested: [1, 2] }, handler);
    console.log(p);
    console.log('%s %o', p, p);
    const foreign = got.filter(x => x !== null && typeof x === 'object' && x !== p && !('a' in x) && !Array.isArray(x));
    console.error(foreign.length);
    """)
    assert r.status == "ok", r.stderr
    assert r.stderr == "0\n"
    assert_clean()


def test_throwing_proxy_is_an_ordinary_guest_error(js, assert_clean):
    r = js("console.log(new Proxy({}, { ownKeys() { throw new Error('trap') } }))")
    assert r.status == "error" and "Uncaught Error: trap" in r.stderr
    assert_clean()
