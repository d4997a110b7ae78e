# Tries: a FinalizationRegistry callback that fires after the main script, outside the eval the
# host controls, to run code while the host reads output or while the next run starts (published:
# ENGINE-NOTES here; TC39 WeakRefs proposal notes on cleanup-callback timing; vm2 issues on async
# escapes after the sandbox call returned). Output is read from a buffer without calling JS.
import time


def test_cleanup_callback_cannot_outlive_the_run(js, assert_clean):
    t0 = time.monotonic()
    r = js("""
    const fr = new FinalizationRegistry(() => { console.log('cleanup'); for (;;) {} });
    (function () { for (let i = 0; i < 2000; i++) fr.register({ pad: new Array(100).fill(i) }, i); })();
    console.log('main done');
    """, timeout=1)
    assert r.status in ("ok", "timeout")
    assert r.stdout.startswith("main done\n")
    assert time.monotonic() - t0 <= 1.5
    assert_clean()


def test_cleanup_callback_cannot_touch_later_output(js, assert_clean):
    r = js("""
    const fr = new FinalizationRegistry(() => { globalThis.leaked = 1; console.log = () => {}; });
    (function () { for (let i = 0; i < 2000; i++) fr.register({}, i); })();
    """)
    assert r.status == "ok"
    assert js("console.log('visible')").stdout == "visible\n"
    assert_clean()
