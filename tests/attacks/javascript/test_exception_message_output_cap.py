# Tries: put the bulk of the output in an uncaught exception's message instead of console.log, so
# the engine's error report (built by the embedder, outside the isolate's output counter) carries
# it past max_output_bytes (published: CWE-400 output amplification; online-judge output limits that
# count only the program's writes, not the runner's crash report, e.g. judge0/piston "output limit" handling).
import pytest

SAFE_IN_PROCESS = True  # a 3 MB string: no memory, CPU or builtin bomb

CAP = 1 << 20  # max_output_bytes of the default policy

PAYLOADS = {
    "error_message": "throw new Error('x'.repeat(3 * 1024 * 1024))",
    "thrown_string": "let s = 'y'.repeat(1 << 20); throw s + s + s",
    "to_string_hook": "throw { toString() { return 'z'.repeat(3 * 1024 * 1024) } }",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_exception_report_counts_against_the_output_cap(js, assert_clean, name):
    r = js(PAYLOADS[name])
    kept = len(r.stdout.encode()) + len(r.stderr.encode())
    assert r.status in ("error", "output_limit"), r.status
    assert kept <= CAP + 4096, f"{kept} bytes of output kept with a {CAP}-byte cap (status {r.status})"
    assert_clean()


def test_small_exception_report_is_unchanged(js, assert_clean):
    r = js("throw new Error('short')")
    assert r.status == "error" and "Uncaught Error: short" in r.stderr
    assert_clean()


def test_report_after_the_cap_was_hit_is_dropped(js, assert_clean):
    r = js("try { for (;;) console.log('o'.repeat(1000)) } catch (e) {} throw new Error('e'.repeat(3 << 20))")
    assert r.status == "output_limit"
    assert len(r.stdout.encode()) + len(r.stderr.encode()) <= CAP
    assert_clean()
