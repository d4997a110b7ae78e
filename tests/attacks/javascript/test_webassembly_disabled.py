# Tries: WebAssembly, whose memories are outside the V8 heap limit and whose JIT is a frequent
# V8 bug source (published: ENGINE-NOTES here, WebAssembly.Memory grew the host by GBs; Chrome
# V8 wasm CVEs, e.g. CVE-2023-2033 class). Denied unless the policy sets allow_wasm.

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_webassembly_is_absent(js, assert_clean):
    r = js("""
    const g = Function('return this')();
    console.log(typeof WebAssembly, 'WebAssembly' in g, Object.getOwnPropertyNames(g).includes('WebAssembly'));
    try { new WebAssembly.Memory({ initial: 65536 }) } catch (e) { console.log(e.name) }
    """)
    assert r.stdout == "undefined false false\nReferenceError\n"
    assert_clean()
