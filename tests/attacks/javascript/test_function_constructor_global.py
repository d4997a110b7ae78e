# Tries: reach the host through the Function constructor, `this.constructor.constructor('return this')()`,
# the classic Node `vm` escape (published: "Sandboxing NodeJS is hard, here is why", pwnisher 2018;
# vm2 advisories such as CVE-2023-29017 build on it). In a bare isolate the result is only this realm's global.

from .conftest import assert_no_host_leak

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_function_constructor_reaches_only_the_guest_global(js, assert_clean):
    r = js("""
    const g = this.constructor.constructor('return this')();
    const h = (() => {}).constructor('return globalThis')();
    const viaError = new Error().constructor.constructor('return this')();
    console.log(g === globalThis, h === globalThis, viaError === globalThis);
    console.log(typeof g.process, typeof g.require, typeof g.module, typeof g.Buffer);
    g.leaked = 1;
    """)
    assert r.status == "ok", r.stderr
    # the prelude's Node shims (Buffer: Uint8Arrays charged to the buffer budget), nothing of the host
    assert r.stdout == "true true true\nobject function object function\n"
    assert_no_host_leak(r)
    assert_clean()
