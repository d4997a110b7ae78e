# Tries: reach the host through the prelude's Node-style shims (fs, readline, process, require,
# module): read host files through fs (absolute, relative, /proc, file descriptors, URLs, Buffers
# as paths), the Node escape hatches that vm2-style payloads use (process.binding,
# process.mainModule.require, require.cache, module.constructor._load, process.dlopen), require of
# host modules hidden from the static scan, and prototype tricks on the shims' objects
# (published: vm2 CVE-2023-29017/CVE-2023-37466 end in `process.mainModule.require('child_process')`
# or `module.constructor._load`; Node's permission-model bypasses through Buffer paths, CVE-2023-32004).

from .conftest import assert_no_host_leak

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_fs_reads_nothing_but_stdin(js, assert_clean):
    r = js(r"""
    const fs = require('fs');
    const paths = ['/etc/passwd', 'main.js', './input.txt', '../../etc/hosts', '/proc/self/environ', '/proc/self/fd/0',
      '/dev/fd/0', 3, 1, 2, -1, 0.5, '0', 'file:///etc/passwd', new URL_('file:///etc/passwd'), Uint8Array.from([47, 101]),
      { toString() { return '/dev/stdin' } }, ['/dev/stdin']];
    function URL_(s) { this.href = s; }
    const out = [];
    for (const p of paths) {
      try { const v = fs.readFileSync(p, 'utf8'); out.push('READ ' + String(p) + ' ' + JSON.stringify(v)); }
      catch (e) { out.push(e.code); }
    }
    for (const name of ['readFile', 'openSync', 'readdirSync', 'statSync', 'createReadStream', 'writeFileSync', 'readSync']) {
      try { fs[name]('/etc/passwd', 'x'); out.push('CALLED ' + name); } catch (e) { out.push(e.code); }
    }
    console.log(out.join(' '));
    console.log(fs.readFileSync(0, 'utf8'), JSON.stringify(fs.readFileSync('/dev/stdin', 'utf8')));
    """, stdin="the stdin")
    assert r.status == "ok", r.stderr
    first, second = r.stdout.splitlines()
    assert "READ" not in first and "CALLED" not in first
    assert first.split() == ["ENOENT"] * 18 + ["ERR_ACCESS_DENIED"] * 5 + ["ENOENT", "ERR_ACCESS_DENIED"]
    assert second == 'the stdin ""'  # stdin is a pipe: read once
    assert_no_host_leak(r)
    assert_clean()


def test_node_escape_hatches_lead_nowhere(js, assert_clean):
    r = js(r"""
    const tries = {
      binding: () => process.binding('spawn_sync'),
      linkedBinding: () => process._linkedBinding('fs'),
      mainModule: () => process.mainModule.require('child_process'),
      moduleLoad: () => module.constructor._load('child_process'),
      moduleRequire: () => module.require('child_process'),
      requireMain: () => require.main.require('os'),
      cache: () => Object.keys(require.cache),
      dlopen: () => process.dlopen({}, '/lib/x.so'),
      ctorRequire: () => require.constructor('return process')().binding('fs'),
      dynamic: () => { const r = require; return r('child_process'); },
      nodePrefix: () => { const r = require; return r('node:os'); },
      protoModule: () => Object.getPrototypeOf(require('fs')).constructor('return this')().process.binding('fs'),
      stdinHandle: () => process.stdin._handle.fd,
      env: () => process.env.PATH.length,
      argv: () => process.argv.join(' '),
      cwd: () => process.cwd(),
    };
    for (const [k, f] of Object.entries(tries)) {
      try { console.log(k, 'gave', String(f())); } catch (e) { console.log(k, 'threw', e.name, e.code || ''); }
    }
    """)
    assert r.status == "ok", r.stderr
    gave = {ln.split()[0]: ln for ln in r.stdout.splitlines() if " gave " in ln}
    assert set(gave) == {"argv", "cwd"}, r.stdout
    assert gave["argv"] == "argv gave node main.js" and gave["cwd"] == "cwd gave /"
    assert "dynamic threw Error MODULE_NOT_FOUND" in r.stdout and "nodePrefix threw Error MODULE_NOT_FOUND" in r.stdout
    assert_no_host_leak(r)
    assert_clean()


def test_patched_shims_change_only_this_run(js, assert_clean):
    r = js(r"""
    const fs = require('fs');
    fs.readFileSync = () => 'forged';
    process.stdout.write = () => true;
    Object.prototype.then = function () {};
    Object.defineProperty(Array.prototype, 0, { set() { throw new Error('setter ran') }, configurable: true });
    require('readline').createInterface({ input: process.stdin }).on('line', (l) => console.log('line', l));
    process.stdin.on('data', (d) => console.log('data', String(d).length));
    """, stdin="a\nb\n")
    assert r.status == "ok", r.stderr
    assert r.stdout == "line a\nline b\ndata 4\n"
    r = js("console.log(require('fs').readFileSync(0, 'utf8'))", stdin="real\n")
    assert r.stdout == "real\n\n"
    assert_clean()


def test_exit_cannot_be_forged_or_outlived(js, assert_clean):
    # process.exit's sentinel, caught and rethrown, thrown from a timer, or imitated, never lets
    # output past it, and a look-alike thrown by the guest is an ordinary error.
    r = js("try { process.exit(0) } catch (e) { globalThis.sentinel = e }\n"
           "try { console.log('after') } catch (e) { }\nsetTimeout(() => console.log('timer'), 1)")
    assert (r.status, r.exit_code, r.stdout) == ("ok", 0, "")
    r = js("throw { toString() { return 'process.exit()' } }")
    assert r.status == "error" and r.exit_code == 1
    r = js("setTimeout(() => { console.log('t'); process.exit(7) }, 1); setTimeout(() => console.log('never'), 5)")
    assert (r.status, r.exit_code, r.stdout) == ("error", 7, "t\n")
    assert_clean()
