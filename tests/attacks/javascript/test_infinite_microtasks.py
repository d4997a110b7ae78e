# Tries: an endless microtask chain, which mini-racer drains *after* an eval task returns, outside
# the task a timeout cancels (published: mini-racer isolate_manager PerformMicrotaskCheckpoint after
# each task; Node issue #36870 "infinite microtask loop blocks the event loop").
import time


def test_microtask_loop_is_terminated(js, assert_clean):
    t0 = time.monotonic()
    r = js("console.log('a'); (function f() { Promise.resolve().then(f); })();", timeout=1)
    assert r.status == "timeout" and r.stdout == "a\n"
    assert 0.9 <= time.monotonic() - t0 <= 1.5
    r = js("queueMicrotask(function f() { queueMicrotask(f) })", timeout=1)
    assert r.status == "timeout"
    assert_clean()
