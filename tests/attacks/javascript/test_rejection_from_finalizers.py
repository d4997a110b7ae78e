# Tries: reject promises from FinalizationRegistry cleanup callbacks and around WeakRefs while
# the collector is busy (100,000 registered objects, a million short-lived ones), so that V8
# calls the host's PromiseRejectCallback from a cleanup task that runs between the host's own
# calls, with GC moving the objects whose handles the callback is given. Modelled on V8/Chromium
# bug classes of embedder callbacks during GC and FinalizationRegistry cleanup tasks
# (the "cleanup some" task scheduled by the platform, run outside any script), and on
# tests/attacks/javascript/test_finalization_registry.py. Each run ends within its deadline, in
# the worker and in-process, and the next run's rejection is still reported.
SAFE_IN_PROCESS = True

STORM = ("const fr = new FinalizationRegistry(() => { Promise.reject(new Error('fr')) })\n"
         "for (let i = 0; i < 1e5; i++) fr.register({}, i)\n"
         "let a = []; for (let i = 0; i < 1e6; i++) a.push({ i }); a = null\n"
         "setTimeout(() => console.log('t'), 50)")
HANDLED = ("let n = 0; const fr = new FinalizationRegistry(() => { Promise.reject(1).catch(() => n++) })\n"
           "for (let i = 0; i < 1e4; i++) fr.register({}, i)\n"
           "let a = []; for (let i = 0; i < 1e6; i++) a.push({ i }); a = null\n"
           "setTimeout(() => console.log('t'), 50)")
WEAKREFS = ("const refs = []; for (let i = 0; i < 1e5; i++) refs.push(new WeakRef({ i }))\n"
            "let a = []; for (let i = 0; i < 1e6; i++) a.push({ i }); a = null\n"
            "setTimeout(() => {\n"
            "  for (const r of refs) if (r.deref() === undefined) { Promise.reject(new Error('gone')); break }\n"
            "  console.log('t') }, 20)")


def test_finalizers_that_reject(js, assert_clean):
    r = js(STORM, timeout=30)
    # Whether the collector has run the callbacks before the timer is V8's choice (node usually
    # exits first): either the run ends with the first one's report, or the timer's output.
    assert (r.status, r.exit_code) in (("error", 1), ("ok", 0)), r
    assert "Uncaught Error: fr" in r.stderr if r.exit_code else r.stdout == "t\n"
    r = js(HANDLED, timeout=30)
    assert (r.status, r.stdout) == ("ok", "t\n"), r.stderr
    assert_clean()


def test_weakrefs_cleared_then_reject(js, assert_clean):
    r = js(WEAKREFS, timeout=30)
    assert (r.status, r.stdout) in (("ok", "t\n"), ("error", "t\n")), r
    if r.status == "error":
        assert "Uncaught Error: gone" in r.stderr
    r = js("Promise.reject(new Error('next'))")
    assert r.exit_code == 1 and "Uncaught Error: next" in r.stderr
    assert_clean()
