# Tries: reject a promise, leave it unhandled, and make its reason hostile to whoever reports it:
# a Proxy whose every trap throws or never returns, a revoked Proxy, a `stack` getter that loops,
# a reason the size of the output cap, a storm of rejections, and rejections at the JavaScript
# stack limit (where V8's PromiseRejectCallback runs with no stack left). The report is built
# inside the run, under its deadline and output cap; the host's callback runs no guest code.
# (Published: nodejs/node issue #43095, "Crash when calling console.dir on a revoked Proxy", a
# process abort from formatting a hostile value; vm2 CVE-2022-36067 for host code that handles a
# guest's exception objects.)
import time

import pytest

SAFE_IN_PROCESS = True  # loops end at the deadline; the large reason stays under the output cap

TRAPS = ["getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "getOwnPropertyDescriptor", "has",
         "get", "set", "deleteProperty", "defineProperty", "ownKeys", "apply", "construct"]


def _proxy(body: str) -> str:
    return "new Proxy({}, {" + ", ".join(f"{t}() {{ {body} }}" for t in TRAPS) + "})"


def test_throwing_traps_are_the_programs_error(js, assert_clean):
    r = js(f"Promise.reject({_proxy('throw new Error(`trap`)')})")
    assert (r.status, r.exit_code) == ("error", 1)
    assert "Uncaught Error: trap" in r.stderr and "sandboxes" not in r.stderr
    assert_clean()


def test_revoked_proxy(js, assert_clean):
    r = js("const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); Promise.reject(proxy)")
    assert (r.status, r.exit_code) == ("error", 1)
    assert "Uncaught TypeError: Cannot perform 'getOwnPropertyDescriptor' on a proxy that has been revoked" in r.stderr
    assert_clean()


@pytest.mark.parametrize("code", [
    "Promise.reject(" + _proxy("for (;;) {}") + ")",
    "Promise.reject({ get stack() { for (;;) {} }, toString() { for (;;) {} } })",
    "const e = new Error('m'); Object.defineProperty(e, 'stack', { get() { for (;;) {} } }); Promise.reject(e)",
    "process.on('unhandledRejection', () => { for (;;) {} }); Promise.reject(1)",
], ids=["proxy", "stack_getter", "error_stack_getter", "listener"])
def test_loops_end_at_the_deadline(js, assert_clean, code):
    t0 = time.monotonic()
    r = js(code, timeout=1)
    assert time.monotonic() - t0 < 3.0
    assert r.status == "timeout", r
    assert_clean()


CAP = 1 << 20  # max_output_bytes of the default policy


@pytest.mark.parametrize("reason", ["new Error('x'.repeat(2 * CAP))", "'x'.repeat(2 * CAP)"], ids=["error", "string"])
def test_reason_larger_than_the_output_cap(js, assert_clean, reason):
    r = js(f"const CAP = {CAP}; Promise.reject({reason})")
    assert r.status == "output_limit", r.status
    assert len(r.stderr.encode()) <= CAP
    assert_clean()


def test_rejection_storm(js, assert_clean):
    r = js("let n = 0; process.on('unhandledRejection', () => { n++ })\n"
           "for (let i = 0; i < 200000; i++) Promise.reject(i)\nsetTimeout(() => console.log(n), 0)", timeout=20)
    assert (r.status, r.stdout) == ("ok", "200000\n"), r.stderr
    r = js("for (let i = 0; i < 200000; i++) Promise.reject(new Error('e' + i))", timeout=20)
    assert r.exit_code == 1 and "Uncaught Error: e0\n" in r.stderr and "e1\n" not in r.stderr
    assert_clean()


@pytest.mark.parametrize("code", ["for (;;) Promise.reject(1)", "for (;;) Promise.reject(1).catch(() => {})",
                                  "(async () => { for (;;) { try { await Promise.reject(1) } catch {} } })()"],
                         ids=["unhandled", "handled", "awaited"])
def test_endless_rejections_end_at_the_deadline_or_the_heap_limit(js, assert_clean, code):
    """The inbox grows until the microtasks drain: a loop that never lets them ends at the deadline
    (or the heap limit), never in the host."""
    t0 = time.monotonic()
    r = js(code, timeout=1, memory_mb=64)
    assert time.monotonic() - t0 < 5.0
    assert r.status in ("timeout", "memory_limit"), r
    assert_clean()


def test_rejections_at_the_stack_limit(js, assert_clean):
    """The callback stores into an array of the prelude's without calling JavaScript, so it works
    with no stack left: a rejection handled at every depth is handled, one left alone is reported."""
    r = js("let d = 0\nfunction f() { d++; try { f() } catch { Promise.reject(d).then(null, () => {}) } }\n"
           "f(); f(); console.log('done')")
    assert (r.status, r.stdout) in (("ok", "done\n"), ("error", "done\n")), r.stderr
    r = js("function f(n) { try { return f(n + 1) } catch { Promise.reject(new Error('deep ' + n)); return n } }\n"
           "f(0); console.log('returned')")
    assert (r.status, r.exit_code, r.stdout) == ("error", 1, "returned\n")
    assert "Uncaught Error: deep" in r.stderr or "Maximum call stack size exceeded" in r.stderr, r.stderr
    assert_clean()


def test_a_rejected_array_is_only_a_reason(js):
    """The prelude's inbox is handed over before guest code runs: a guest's rejected array is a
    reason like any other, never taken for it."""
    r = js("Promise.reject([1, 2]).catch(() => {}); Promise.reject([3])")
    assert r.stdout == "" and 'reason "[object Array]"' in r.stderr, r
