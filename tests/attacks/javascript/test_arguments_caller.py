# Tries: walk up the call stack with arguments.callee.caller / fn.caller from a getter the sandbox
# invokes, to obtain the sandbox's own functions (published: classic `caller` escapes from
# Caja/ADsafe era; vm2 issue #32 "escape via arguments.callee.caller").

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_caller_chain_stops_at_strict_prelude(js, assert_clean):
    r = js("""
    const found = [];
    const probe = {};
    Object.defineProperty(probe, Symbol.toStringTag, {
      get: function getter() { found.push(String(getter.caller), String(arguments.callee.caller)); return 'Probe'; },
    });
    console.log(probe);
    const p = new Proxy({}, { ownKeys: function trap() { found.push(String(trap.caller)); return []; } });
    console.log(p);
    console.error(found.join('|'));
    """)
    assert r.status == "ok", r.stderr
    values = r.stderr.strip().split("|")
    assert len(values) >= 3 and set(values) == {"null"}
    assert_clean()
