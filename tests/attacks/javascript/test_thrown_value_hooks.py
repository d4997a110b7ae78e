# Tries: throw a value whose conversion runs guest code inside the embedder's error reporting,
# after the script "finished": a toString/Symbol.toPrimitive that loops forever, a `stack` getter,
# an Error.prepareStackTrace that never returns, a Proxy as the exception, and a toString that
# writes output or pollutes globals while the host is building the report (published: vm2
# CVE-2022-36067 / GHSA-mrgp-mrhc-5jrq "exception objects handled by the host call guest code";
# isolated-vm issue on "exceptions with getters executed outside the timeout").
import time

import pytest

SAFE_IN_PROCESS = True  # no memory or builtin bomb: loops are ended by the deadline in both modes

LOOPING = {
    "to_string": "throw { toString() { for (;;) {} } }",
    "to_primitive": "throw { [Symbol.toPrimitive]() { for (;;) {} } }",
    "stack_getter": "const e = new Error('m'); Object.defineProperty(e, 'stack', { get() { for (;;) {} } }); throw e",
    "prepare_stack_trace": "Error.prepareStackTrace = () => { for (;;) {} }; null.x",
    "proxy": "throw new Proxy({}, { get() { for (;;) {} }, getPrototypeOf() { for (;;) {} } })",
    "timer_to_string": "setTimeout(() => { throw { toString() { for (;;) {} } } }, 0)",
    "rejection_stack": "await Promise.reject({ get stack() { for (;;) {} }, toString() { for (;;) {} } })",
}


@pytest.mark.parametrize("name", sorted(LOOPING))
def test_conversion_loops_end_at_the_deadline(js, assert_clean, name):
    t0 = time.monotonic()
    r = js(LOOPING[name], timeout=1)
    assert time.monotonic() - t0 < 2.0
    assert r.status in ("timeout", "error"), r
    assert "sandboxes-prelude" not in r.stderr
    assert_clean()


def test_conversion_side_effects_stay_in_the_run(js, assert_clean):
    r = js("""
    throw { toString() {
      console.log('from toString');
      globalThis.leaked = 1; Object.prototype.polluted = 1;
      console.log = () => {};
      return 'custom';
    } };
    """)
    assert r.status == "error"
    assert "Uncaught custom" in r.stderr
    assert "sandboxes-prelude" not in r.stderr
    assert_clean()


def test_throwing_conversion_is_still_an_error(js, assert_clean):
    for code in ["throw { toString() { throw new Error('inner') } }",
                 "throw Object.create(null)",
                 "throw { [Symbol.toPrimitive]() { return Symbol('s') } }",
                 "Error.prepareStackTrace = () => { throw 1 }; throw new Error('x')"]:
        r = js(code)
        assert r.status == "error" and r.exit_code == 1, (code, r)
        assert "sandboxes-prelude" not in r.stderr
    assert_clean()
