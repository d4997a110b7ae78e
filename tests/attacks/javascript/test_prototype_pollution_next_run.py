# Tries: pollute built-in prototypes so that the *next* run (another user's code) sees them
# (published: prototype pollution, Olivier Arteau "Prototype pollution attack in NodeJS", NorthSec 2018;
# applied to shared-realm sandboxes in vm2 GHSA-ch3r-j5x3-6q2m).

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_pollution_does_not_survive_the_run(js, assert_clean):
    r = js("""
    Object.prototype.polluted = 'yes';
    Array.prototype.join = function () { return 'hijacked'; };
    JSON.stringify = () => 'hijacked';
    Object.defineProperty(Object.prototype, 'then', { get() { return (r) => r('hijacked'); }, configurable: true });
    globalThis.leaked = true;
    console.log(({}).polluted, [1].join());
    """)
    assert r.status == "ok", r.stderr
    assert r.stdout == "yes hijacked\n"
    assert_clean()
