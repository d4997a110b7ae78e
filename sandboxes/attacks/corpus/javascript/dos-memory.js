// attack: dos-memory
// category: resource-exhaustion
// tries: grow the heap until the host runs out
// source: CWE-789; CWE-400
// verdict: status in {memory_limit, error, timeout} and returns within 6 s
// timeout_s: 1
const xs = [];
for (;;) xs.push(new Array(1e6).fill(1.5));
