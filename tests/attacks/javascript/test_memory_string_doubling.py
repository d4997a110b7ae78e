# Tries: exhaust host memory by doubling a string (published: the classic "billion laughs"-style
# string bomb; V8's String::kMaxLength guard, v8.dev/blog/string-length-limit discussions).


def test_string_doubling_is_contained(js, assert_clean):
    r = js("let s = 'x'; while (true) s = s + s;")
    assert r.status in ("error", "memory_limit")
    assert "Invalid string length" in r.stderr or r.status == "memory_limit"
    r = js("let s = 'x'.repeat(1 << 20); const keep = []; while (true) keep.push(s + keep.length);", memory_mb=64)
    assert r.status == "memory_limit"
    assert_clean()
