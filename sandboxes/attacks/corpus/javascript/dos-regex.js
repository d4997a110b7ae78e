// attack: dos-regex
// category: resource-exhaustion
// tries: catastrophic regex backtracking in V8's Irregexp
// source: CWE-1333 (ReDoS); OWASP 'ReDoS'
// verdict: status == timeout and returns within 6 s
// timeout_s: 1
/(a+)+$/.test("a".repeat(64) + "!");
