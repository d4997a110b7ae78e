# Tries: a plain infinite loop to hold the host thread (published: every judge; PyMiniRacer
# test_timeout; the `while(1){}` example in the PyMiniRacer README).
import time


def test_infinite_loop_times_out(js, assert_clean):
    t0 = time.monotonic()
    r = js("for (;;) {}", timeout=1)
    assert r.status == "timeout" and r.exit_code is None
    assert 0.9 <= time.monotonic() - t0 <= 1.5
    assert_clean()
