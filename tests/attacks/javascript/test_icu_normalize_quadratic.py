# Tries: a single ICU call whose cost is quadratic and which never checks for V8 termination:
# String.prototype.normalize on a long run of combining marks of alternating canonical classes
# (ccc 230 / 220), which ICU's canonical reordering sorts by insertion. One call holds the isolate's
# thread for minutes after the deadline (published: Unicode UAX #15 section "Stream-Safe Text
# Format", which bounds runs of non-starters for this reason; Crosby & Wallach, "Denial of Service
# via Algorithmic Complexity Attacks", USENIX Security 2003). The worker must answer at the
# deadline and be replaced; in-process the isolate's thread keeps running (documented limitation).
import time

CODE = "const s = 'a' + '\\u0301\\u0316'.repeat(1e6); const r = s.normalize('NFD'); console.log('finished', r.length)"


def test_uninterruptible_normalize_is_cut_at_the_deadline(js, assert_clean):
    assert js("console.log('a\\u0301\\u0316'.normalize('NFD').length)").stdout == "3\n"  # sorts, cheaply
    t0 = time.monotonic()
    r = js(CODE, timeout=1)
    elapsed = time.monotonic() - t0
    assert r.status == "timeout", r
    assert "finished" not in r.stdout
    assert elapsed < 2.5, f"the caller waited {elapsed:.1f} s"
    t0 = time.monotonic()
    assert_clean()  # a fresh worker: the stuck isolate does not serve (or slow down) the next run
    assert time.monotonic() - t0 < 5


def test_collator_and_locale_case_on_long_mark_runs(js, assert_clean):
    r = js("const s = 'a' + '\\u0301\\u0316'.repeat(2e5);"
           "new Intl.Collator('en').compare(s, s + 'b'); s.toLocaleUpperCase('tr'); s.localeCompare(s);"
           "console.log('ok')",
           timeout=1)
    assert r.status in ("ok", "timeout")
    assert_clean()
