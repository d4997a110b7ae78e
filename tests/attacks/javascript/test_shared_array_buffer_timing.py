# Tries: build a high-resolution timer from SharedArrayBuffer + a counting worker or Atomics.wait
# (published: Schwarz et al., "Fantastic Timers and Where to Find Them", FC 2017; Spectre-era
# removal of SharedArrayBuffer from browsers). Also looks for a SharedArrayBuffer via other paths.

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


def test_shared_memory_and_atomics_are_absent(js, assert_clean):
    r = js("""
    console.log(typeof SharedArrayBuffer, typeof Atomics);
    const viaWasm = typeof WebAssembly === 'object';
    let found = false;
    for (const k of Object.getOwnPropertyNames(globalThis)) {
      try { const v = globalThis[k]; if (v && /SharedArrayBuffer|Atomics/.test(String(v.name))) found = true; } catch {}
    }
    console.log(viaWasm, found);
    """)
    assert r.stdout == "undefined undefined\nfalse false\n"
    assert_clean()


def test_date_is_millisecond_resolution_only(js):
    r = js("console.log(Number.isInteger(performance.now()), Number.isInteger(Date.now()))")
    assert r.stdout == "true true\n"  # performance.now is the prelude's, on Date.now's milliseconds
