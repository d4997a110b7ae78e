// attack: dos-recursion
// category: resource-exhaustion
// tries: recurse without end
// source: CWE-674 (Uncontrolled Recursion)
// verdict: status in {error, timeout} and returns within 6 s
// timeout_s: 1
function f(n) { return f(n + 1) + 1; }
f(0);
