# Tries: a line terminator that the host and V8 disagree on (U+2028, U+2029, bare CR: line breaks
# for V8, not for Python's split('\n')) on line 1 of top-level-await code, so that the host cannot
# match V8's echoed source line and prints it whole: line 1 is the host's wrapper, which holds the
# entry point's name and its per-context token (published: ECMA-262 LineTerminator includes
# U+2028/U+2029 and CR; TC39 "JSON superset" proposal on U+2028 mismatches between tools; CWE-209).
# Also: close the async wrapper early from inside the guest code (code injection into the host's
# template, CWE-94) and look for the token from there.
import pytest

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess

LEAKS = {
    "u2028_compile_error": "await 0; let a = 1; let a = 2; \u2028 //",
    "u2029_compile_error": "await 0; let a = 1; let a = 2; \u2029 //",
    "cr_compile_error": "await 0; let a = 1; let a = 2; \r //",
    "u2028_runtime_error": "await 0 })()); null.x; ((function(){ \u2028 //",
}


def _assert_no_wrapper(r):
    text = r.stdout + r.stderr
    assert "__sandboxes_" not in text
    assert "watch" not in text
    assert "(function(){return this})()" not in text


@pytest.mark.parametrize("name", sorted(LEAKS))
def test_wrapper_source_is_never_echoed(js, assert_clean, name):
    r = js(LEAKS[name])
    assert r.status in ("error", "compile_error")
    _assert_no_wrapper(r)
    assert_clean()


def test_ordinary_line_one_errors_hide_the_wrapper(js, assert_clean):
    for code in ["await 0; let a = 1; let a = 2;", "await 0 })()); null.x; ((function(){", "await 0; null.x"]:
        r = js(code)
        assert r.status in ("error", "compile_error"), code
        _assert_no_wrapper(r)
    assert_clean()


def test_breaking_out_of_the_wrapper_finds_no_token(js, assert_clean):
    # The guest tries to close the async function and run at the top level of the host-built
    # script, in the same source text as the token, then look for it through every source-reading
    # path. The body is compiled on its own first, so the break-out is a syntax error.
    r = js("""await 0 })()); (function () {
      const found = [];
      Error.prepareStackTrace = (e, frames) => frames;
      const frames = new Error().stack;
      for (const f of frames) {
        const fn = f.getFunction && f.getFunction();
        if (typeof fn === 'function') found.push(Function.prototype.toString.call(fn));
        found.push(String(f.getScriptNameOrSourceURL()), String(f.getEvalOrigin()));
      }
      Error.prepareStackTrace = undefined;
      found.push(new Error().stack, Function.prototype.toString.call(arguments.callee));
      const name = Object.getOwnPropertyNames(globalThis).find(n => n.startsWith('__sandboxes_'));
      const hex = /[0-9a-f]{32}/;
      console.log(found.some(s => hex.test(s)) ? 'token seen' : 'no token', typeof name);
    })(); ((function(){""")
    assert r.status == "compile_error", r.stderr
    assert r.stdout == ""
    _assert_no_wrapper(r)
    assert_clean()


def test_guest_code_cannot_rewrite_the_host_call(js, assert_clean):
    r = js("await 0 }), 1, 2, 3); ((function(){")
    assert r.status in ("error", "compile_error")
    assert "sandboxes-prelude" not in r.stderr
    assert "incompatible receiver" not in r.stderr
    assert_clean()
