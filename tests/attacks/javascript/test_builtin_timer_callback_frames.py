# Tries: pass a built-in (Reflect.apply, JSON.parse, a bound builtin) straight to setTimeout so that
# the error is raised with no guest frame on top: V8 then attributes it to the innermost script
# frame, the host's own timer loop, and the report names the sandbox's internals (published:
# CWE-209; SES/Hardened JS "error taming", which exists because host frames leak through errors
# raised by builtins that host code invokes).
import pytest

from .conftest import assert_no_host_leak

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess

CALLBACKS = {
    "reflect_apply": "setTimeout(Reflect.apply, 0)",
    "json_parse": "setTimeout(JSON.parse, 0, '{')",
    "bound_builtin": "setTimeout(Function.prototype.call.bind(null), 0)",
    "interval_builtin": "setInterval(Array.prototype.forEach, 1)",
}


@pytest.mark.parametrize("name", sorted(CALLBACKS))
def test_builtin_callbacks_report_no_host_frames(js, assert_clean, name):
    r = js(CALLBACKS[name])
    assert r.status == "error"
    assert "sandboxes-prelude" not in r.stderr
    assert "at control" not in r.stderr and "at tick" not in r.stderr
    assert "<anonymous>:1" not in r.stderr
    assert_no_host_leak(r)
    assert_clean()


def test_builtin_microtask_callbacks_are_reported_cleanly(js, assert_clean):
    for code in ["queueMicrotask(Reflect.apply)", "Promise.resolve('{').then(JSON.parse)",
                 "queueMicrotask(JSON.parse.bind(null, '{'))"]:
        r = js(code)
        assert "sandboxes-prelude" not in r.stderr, code
        assert_no_host_leak(r)
    assert_clean()
