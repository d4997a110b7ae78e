# Tries: Error.prepareStackTrace + CallSite getThis()/getFunction() to grab the sandbox's own
# functions and receivers from stack frames (published: vm2 CVE-2023-29017 and CVE-2022-36067,
# GHSA-7jxr-cg7f-gpgv). The prelude is strict mode, so its frames expose neither.

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_callsites_expose_no_prelude_objects(js, assert_clean):
    r = js("""
    const seen = [];
    Error.prepareStackTrace = (err, frames) => {
      for (const f of frames) {
        const fn = f.getFunction(), self = f.getThis();
        if (fn !== undefined && fn !== null) seen.push(fn);
        if (self !== undefined && self !== null && self !== globalThis) seen.push(self);
      }
      return 'stack';
    };
    // Make the prelude's own code call guest code, so prelude frames are on the stack.
    const tricky = new Proxy({}, { ownKeys() { new Error().stack; return []; } });
    console.log(tricky);
    const tag = { get [Symbol.toStringTag]() { new Error().stack; return 'T'; } };
    console.log(tag);
    queueMicrotask(() => { new Error().stack; });
    setTimeout(() => {
      new Error().stack;
      const leaked = seen.filter(x => typeof x === 'function' && Function.prototype.toString.call(x).includes(['output', 'LimitError'].join('')));
      console.log('functions seen:', seen.filter(x => typeof x === 'function').length, 'prelude functions:', leaked.length);
    }, 0);
    """)
    assert r.status == "ok", r.stderr
    assert r.stdout.splitlines()[-1].endswith("prelude functions: 0")
    assert_clean()


def test_prepare_stack_trace_cannot_forge_host_reports(js):
    r = js("Error.prepareStackTrace = () => { throw new Error('inner') }; null.x")
    assert r.status == "error" and r.exit_code == 1
