# Tries: run guest code in the middle of the output collector through type coercions it performs:
# Symbol.toPrimitive / valueOf / toString hooks reached by %d %i %f %s %j, console.count labels,
# console.assert, toJSON, re-entrant console calls from inside a hook, hooks that throw or loop,
# and hooks that swap console methods mid-call (published: vm2 GHSA-cchq-frgv-rjh5 "inspect
# custom hooks run host code"; Node util.inspect CVE-2021-22918-era discussions of
# [util.inspect.custom] and Symbol.toPrimitive in format(); WebIDL/console spec "Formatter").
import pytest

from .conftest import assert_no_host_leak

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_reentrant_hooks_keep_output_well_formed(js, assert_clean):
    r = js(r"""
    let depth = 0;
    const hook = { [Symbol.toPrimitive](hint) { if (depth++ < 3) console.log('inner', hint, this); return 7; },
                   toJSON() { console.error('toJSON'); return 'J'; } };
    console.log('%d|%i|%f|%j|%s', hook, hook, hook, hook, 'tail');
    console.count({ toString() { console.log('label hook'); return 'L'; } });
    console.assert(false, '%d', { valueOf() { console.log('in assert'); return 1; } });
    console.log('%s', { toString() { console.log = () => {}; return 'swapped'; } });
    console.log('after swap');
    print('print still works');
    """)
    assert r.status == "ok", r.stderr
    lines = r.stdout.splitlines()
    assert lines[-1] == "print still works"
    assert "7|7|7|\"J\"|tail" in r.stdout
    assert "label hook" in r.stdout and "L: 1" in r.stdout
    assert "Assertion failed: 1" in r.stderr and "toJSON" in r.stderr
    assert "sandboxes-prelude" not in r.stdout + r.stderr
    assert_clean()


FAILING_HOOKS = [
    "{ [Symbol.toPrimitive]() { throw new Error('hook threw') } }",
    "{ valueOf() { return Symbol('no number') } }",
    "{ [Symbol.toPrimitive]: 5 }",
    "Object.create(null)",
]


@pytest.mark.parametrize("hook", FAILING_HOOKS)
def test_failing_hooks_are_ordinary_guest_errors(js, assert_clean, hook):
    r = js(f"try {{ console.log('%d', {hook}); }} catch (e) {{ console.log('caught', e.name); }}\n"
           f"console.log('%s', {hook}); console.count({hook}); console.log('end');")
    assert r.status in ("ok", "error"), r
    assert r.stdout.startswith("caught ")
    assert "at count" not in r.stderr and "at format" not in r.stderr
    assert_no_host_leak(r)
    assert_clean()


@pytest.mark.parametrize("code", [
    "console.log('%d', { valueOf() { return Symbol('no number') } })",
    "console.count({ [Symbol.toPrimitive]: 5 })",
    "console.count(Object.create(null))",
    "setTimeout(() => {}, { valueOf() { return Symbol() } })",
])
def test_coercion_errors_name_only_guest_code(js, assert_clean, code):
    r = js(code)
    assert r.status == "error"
    assert "sandboxes-prelude" not in r.stderr, r.stderr
    assert r.stderr.startswith("main.js:1")
    assert_clean()


def test_looping_hook_is_cut_by_the_deadline(js, assert_clean):
    r = js("console.log('before'); console.log('%d', { valueOf() { for (;;) {} } })", timeout=1)
    assert r.status == "timeout" and r.stdout == "before\n"
    assert_clean()
