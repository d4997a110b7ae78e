# Tries: the Node escape hatches: require, process, module, Buffer, dynamic import() hidden from
# the static scan, import.meta (published: vm2 CVE-2023-29017 payloads end in
# `process.mainModule.require('child_process')`; Node `vm` docs "The vm module is not a security mechanism").

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_static_module_requests_are_violations(js):
    for code, module in [("require('child_process').execSync('id')", "child_process"),
                         ("import os from 'os'", "os"), ("import('fs')", "fs"), ("import('net')", "net"),
                         ("const x = require(\"worker_threads\")", "worker_threads")]:
        r = js(code)
        assert r.status == "violation", code
        assert module in r.violations[0].detail and r.violations[0].line == 1


def test_hidden_dynamic_import_is_refused_at_run_time(js, assert_clean):
    r = js("eval('imp' + 'ort(\"fs\")').then(m => console.log('got', Object.keys(m)), e => console.log('refused'))")
    assert r.status == "ok" and r.stdout == "refused\n"
    r = js("new Function('return imp' + 'ort(\"child_process\")')().catch(() => console.log('refused'))")
    assert r.stdout == "refused\n"
    assert_clean()


def test_node_globals_are_only_the_prelude_shims(js):
    r = js("""
    const names = ['require', 'process', 'module', 'exports', 'Buffer', '__dirname', '__filename', 'global'];
    const g = Function('return this')();
    console.log(names.filter(n => n in g || typeof g[n] !== 'undefined').join() || 'none');
    console.log(typeof process.binding, typeof process.mainModule, typeof process.dlopen, typeof process.kill,
                typeof require.cache, typeof require.resolve, JSON.stringify(process.env), Object.keys(process.env).length);
    """)
    assert r.stdout == "require,process,module,exports,Buffer,global\nundefined undefined undefined undefined undefined undefined {} 0\n"
