# Tries: read host paths, environment or engine internals from error messages and stack traces
# (published: CWE-209 "Generation of Error Message Containing Sensitive Information"; judge
# sandboxes leaking file paths in tracebacks).

from .conftest import assert_no_host_leak

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_stacks_name_only_guest_code(js):
    for code in ["null.x", "function f() { f() } f()", "let x = ;", "throw new Error('e')",
                 "console.log(new Error('shown').stack)", "Promise.reject(1); null.y",
                 "console.log(Error.captureStackTrace, Object.keys(globalThis))"]:
        r = js(code)
        assert_no_host_leak(r)
        assert "sandboxes-prelude" not in r.stderr
