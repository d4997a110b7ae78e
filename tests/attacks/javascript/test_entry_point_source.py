# Tries: read the prelude's own source through the host's entry-point global (its
# Function.prototype.toString), and call it without the per-context token.
# Published: found by this project's test262 shape walk (session 5); the class is the
# "embedder glue visible to the guest" finding of sandbox reviews (vm2 / isolated-vm issues on
# host functions' toString and reachable bridge objects).

SAFE_IN_PROCESS = True

PROBE = r"""
const keys = Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith('__sandboxes_'));
const f = globalThis[keys[0]];
console.log(keys.length, Function.prototype.toString.call(f), JSON.stringify(f.name));
try { f('not-the-token', 'tick'); console.log('called'); } catch (e) { console.log(e.name + ': ' + e.message); }
"""


def test_entry_point_shows_no_source_and_refuses_without_the_token(js):
    r = js(PROBE)
    assert r.status == "ok", r
    assert r.stdout == '1 function () { [native code] } ""\nTypeError: not allowed\n', r.stdout
