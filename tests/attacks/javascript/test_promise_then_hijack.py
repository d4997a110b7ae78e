# Tries: replace Promise.prototype.then / Promise[Symbol.species] so that host-side promise
# plumbing (queueMicrotask, top-level-await reporting) calls guest code with internal values
# (published: vm2 CVE-2023-37466 and CVE-2023-30547, Promise/exception sanitisation bypasses).

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_then_override_does_not_capture_internals(js, assert_clean):
    r = js("""
    const captured = [];
    const origThen = Promise.prototype.then;
    Promise.prototype.then = function (...a) { captured.push(...a); return origThen.apply(this, a); };
    class Evil extends Promise {}
    Promise[Symbol.species] = Evil;
    Object.defineProperty(Promise, Symbol.species, { get() { captured.push('species'); return Evil; } });
    queueMicrotask(() => console.log('microtask ran'));
    setTimeout(() => console.log('captured', captured.length), 0);
    """)
    assert r.status == "ok", r.stderr
    assert r.stdout == "microtask ran\ncaptured 0\n"
    assert_clean()


def test_top_level_await_rejection_still_reported(js, assert_clean):
    r = js("Promise.prototype.then = function () { return this; };\nawait null;\nthrow new Error('late')")
    assert r.status == "error" and "Uncaught Error: late" in r.stderr
    assert_clean()
