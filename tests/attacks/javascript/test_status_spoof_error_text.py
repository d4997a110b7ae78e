# Tries: make an ordinary guest error come back as a different status by writing the host's own
# wording into the exception message ("... exceeds the sandbox memory limit", "heap limit"),
# since embedders often classify outcomes by matching text (published: status/verdict spoofing in
# online judges, e.g. DMOJ/judge0 issues on verdicts derived from stderr text; CWE-138 "Improper
# Neutralization of Special Elements").
import pytest

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess


@pytest.mark.parametrize("thrown", [
    "new RangeError('exceeds the sandbox memory limit')",
    "'the sandbox memory limit'",
    "{ toString() { return 'Array buffer allocation failed: 1 bytes exceed the sandbox memory limit' } }",
])
def test_guest_text_does_not_choose_the_status(js, assert_clean, thrown):
    r = js(f"console.log('tiny program'); throw {thrown};")
    assert r.status == "error", (r.status, r.extra)
    assert r.exit_code == 1
    assert r.extra.get("stopped_by") is None
    assert_clean()


def test_forged_engine_report_stays_an_error(js, assert_clean):
    forged = ("FATAL ERROR: JavaScript heap limit reached\\nmain.js:1: RangeError: output limit of 1 bytes exceeded"
              "\\nworker crashed: SIGTRAP\\ntimed out")
    r = js(f"throw {{ toString() {{ return '{forged}' }} }}")
    assert r.status == "error" and r.exit_code == 1
    r = js(f"setTimeout(() => {{ throw new Error('{forged}') }}, 0)")
    assert r.status == "error" and r.exit_code == 1
    r = js(f"await Promise.reject(new Error('{forged}'))")
    assert r.status == "error" and r.exit_code == 1
    r = js(f"queueMicrotask(() => {{ throw '{forged}' }})")
    assert r.status == "error" and r.exit_code == 1
    assert_clean()
