# Tries: unbounded recursion to overflow the native stack of the host thread (published: V8
# "Maximum call stack size exceeded" RangeError; stack-overflow crashes in embedders, e.g. isolated-vm issue #43).


def test_recursion_is_a_guest_error(js, assert_clean):
    r = js("function f(n) { return f(n + 1) + 1; } f(0)")
    assert r.status == "error" and "RangeError: Maximum call stack size exceeded" in r.stderr
    r = js("const o = {}; let c = o; for (let i = 0; i < 1e6; i++) c = c.n = {}; console.log(JSON.stringify(o).length)")
    assert r.status == "ok" or (r.status == "error" and "RangeError" in r.stderr)
    r = js("const a = []; let c = a; for (let i = 0; i < 1e5; i++) { const d = []; c.push(d); c = d; } console.log(a)")
    assert r.status == "ok"
    assert_clean()
