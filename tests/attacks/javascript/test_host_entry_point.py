# Tries: find and abuse the host's entry point into the context (the global the host calls to
# drive timers): call it, overwrite it, shadow it with a lexical declaration so the host runs guest
# code (published: "global shadowing" of embedder hooks, e.g. isolated-vm issue #213 on reference
# globals; vm2 CVE-2022-36067 overriding host-called functions).

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_entry_point_answers_only_to_the_host(js, assert_clean):
    r = js("""
    const name = Object.getOwnPropertyNames(globalThis).find(n => n.startsWith('__sandboxes'));
    const f = globalThis[name];
    const out = [];
    for (const args of [[], ['guess', 'tick'], [undefined, 'begin', 'x', 1]]) {
      try { f(...args); out.push('called'); } catch (e) { out.push(e.constructor.name); }
    }
    try { 'use strict'; globalThis[name] = () => {}; } catch (e) { out.push('assign:' + e.constructor.name); }
    out.push(delete globalThis[name]);
    out.push(Object.isFrozen(f));
    console.log(out.join(','));
    setTimeout(() => console.log('timer still runs'), 0);
    """)
    assert r.status == "ok", r.stderr
    assert r.stdout == "TypeError,TypeError,TypeError,false,true\ntimer still runs\n"
    assert_clean()


def test_lexical_shadowing_does_not_redirect_the_host(js, assert_clean):
    r = js("let globalThis = 1; const Function = null; let Object = 0; var setTimeout = 5;\n"
           "console.log('fine');")
    assert r.status == "ok" and r.stdout == "fine\n"
    assert_clean()
