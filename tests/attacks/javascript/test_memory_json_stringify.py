# Tries: build a huge string with JSON.stringify so that converting the result costs the host
# memory outside every limit (published: ENGINE-NOTES here "values returned from eval are converted
# outside the limits"; mini-racer issue on large return values). Output is collected inside the
# isolate and capped, never returned as a value.


def test_huge_json_is_contained(js, assert_clean):
    r = js("const o = { a: 'x'.repeat(1e6) }; const k = []; for (let i = 0; i < 1e4; i++) k.push(o);"
           " const s = JSON.stringify(k); console.log(s);", memory_mb=128)
    assert r.status in ("memory_limit", "error", "output_limit", "timeout")
    assert len(r.stdout) <= 1 << 20
    assert_clean()


def test_last_expression_value_is_never_returned_to_the_host(js):
    r = js("'x'.repeat(2 ** 26)")
    assert r.status == "ok" and r.stdout == ""
