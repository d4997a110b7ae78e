# Tries: catastrophic regular-expression backtracking to hold the CPU forever (published: OWASP
# "Regular expression Denial of Service - ReDoS"; Davis et al., "The impact of regular expression
# denial of service (ReDoS) in practice", FSE 2018).
import time


def test_redos_is_stopped_at_the_deadline(js, assert_clean):
    t0 = time.monotonic()
    r = js("console.log(/^(a+)+$/.test('a'.repeat(40) + 'b'))", timeout=1)
    assert r.status == "timeout"
    assert 0.9 <= time.monotonic() - t0 <= 1.5
    assert_clean()
