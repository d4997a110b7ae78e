// attack: dos-string-doubling
// category: resource-exhaustion
// tries: exhaust host memory by doubling a string, then by keeping ever more 1 MB concatenations alive
// source: the classic "billion laughs"-style string bomb; V8's String::kMaxLength guard
// source: (v8.dev/blog/string-length-limit discussions)
// verdict: status == memory_limit and returns within 8 s
// timeout_s: 2
let s = "x";
try { while (true) s = s + s; } catch (e) { console.log(e.name); }
s = "x".repeat(1 << 20);
const keep = [];
while (true) keep.push(s + keep.length);
