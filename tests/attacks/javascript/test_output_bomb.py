# Tries: flood stdout/stderr to exhaust host memory (published: piston/judge0 output-limit issues,
# e.g. judge0 "Output limit exceeded" handling; a single huge console.log).


def test_output_is_capped_inside_the_isolate(js, assert_clean):
    r = js("while (true) console.log('y'.repeat(10000))")
    assert r.status == "output_limit" and r.extra.get("stopped_by") == "prelude-output-cap"
    assert len(r.stdout.encode()) <= 1 << 20
    r = js("console.error('z'.repeat(2 ** 24))")
    assert r.status == "output_limit" and len(r.stderr.encode()) <= 1 << 20
    r = js("for (;;) { try { console.log('a'.repeat(1e5)) } catch (e) {} }", timeout=1)
    assert r.status == "output_limit"
    assert_clean()
