# Found by our own red team, round 4 (the Node shims of e6568c1): what the shims' callbacks can see of
# the prelude that calls them (`f.caller`, Error.prepareStackTrace CallSites' getFunction/getThis, the
# technique of vm2 CVE-2023-30547-style escapes that walk back to a host function), values the shims
# read from the program when the run ends (process.exitCode / process.exit with valueOf/toString), and
# output that bypasses console.log (process.stdout.write of typed arrays, stderr.write, a readline
# question's prompt) past max_output_bytes; nextTick and 'exit' listeners that never end. All contained.

import json

from .conftest import assert_no_host_leak

SAFE_IN_PROCESS = True  # each payload is bounded by the output cap or the timeout


def test_shim_callbacks_see_no_prelude_function(js, assert_clean):
    code = r"""
    const out = [];
    Error.prepareStackTrace = (e, cs) => cs.filter(c => c.getFunction() !== undefined || c.getThis() !== undefined)
      .map(c => String(c.getFunction()).slice(0, 40));
    function grab(tag) {
      return function h() {
        const caller = h.caller === null ? 'null' : String(h.caller).slice(0, 40);
        out.push(tag + ' caller=' + caller + ' frames=' + JSON.stringify(new Error().stack));
      };
    }
    const rl = require('readline').createInterface({ input: process.stdin, output: process.stdout });
    rl.on('line', grab('line')); rl.on('close', grab('close'));
    for (const ev of ['data', 'end', 'close']) process.stdin.on(ev, grab(ev));
    process.nextTick(grab('tick'));
    rl.question('q? ', grab('question'));
    process.on('exit', () => { grab('exit')(); console.log(out.join('\n')); });
    """
    r = js(code, stdin="a\nb\n")
    assert r.status == "ok", r.stderr
    lines = [ln for ln in r.stdout.splitlines() if " caller=" in ln]
    assert len(lines) >= 8, r.stdout
    for ln in lines:
        tag, rest = ln.split(" caller=", 1)
        caller, frames = rest.split(" frames=", 1)
        assert caller == "null" or caller in code, ln  # the prelude is strict: no caller of its own handed out
        # the only frames whose function or receiver is visible are the program's own (its source)
        assert all(src in code for src in json.loads(frames)), ln
    assert_no_host_leak(r)
    assert_clean()


def test_exit_codes_from_objects_run_no_program_code(js, assert_clean):
    r = js("process.exitCode = { valueOf() { console.log('VALUEOF'); return 3 } }")
    assert r.status == "error" and "VALUEOF" not in r.stdout and 'must be of type number' in r.stderr
    r = js("process.exit({ valueOf() { console.log('VALUEOF'); return 9 } })")
    assert r.status == "error" and "VALUEOF" not in r.stdout
    r = js("process.on('exit', (c) => { console.log('exit', c); process.exitCode = 5 })")
    assert (r.status, r.exit_code, r.stdout) == ("error", 5, "exit 0\n")
    assert_clean()


def test_writes_past_console_count_against_the_cap(js, assert_clean):
    cap = 1 << 20  # the default max_output_bytes
    for code in ["const b = new Uint8Array(8 << 20).fill(65); for (let i = 0; i < 4; i++) process.stdout.write(b)",
                 "process.stderr.write('x'.repeat(3 << 20))",
                 "require('readline').createInterface({ input: process.stdin, output: process.stdout })"
                 ".question('Q'.repeat(3 << 20), () => {})"]:
        r = js(code, stdin="a\n")
        assert r.status == "output_limit", (code, r.status, r.stderr[-300:])
        assert len(r.stdout.encode()) + len(r.stderr.encode()) <= cap + 4096, code
    assert_clean()


def test_endless_ticks_and_exit_listeners_time_out(js, assert_clean):
    for code in ["function f() { process.nextTick(f) } f()",
                 "process.on('exit', () => { while (true) {} })"]:
        r = js(code, timeout=1.0)
        assert r.status == "timeout", (code, r.status, r.stderr[-300:])
    assert_clean()
