// attack: dos-output
// category: resource-exhaustion
// tries: print without end to flood the host with output
// source: CWE-400
// verdict: status in {output_limit, timeout} and returns within 6 s
// timeout_s: 1
const s = "A".repeat(65536);
for (;;) console.log(s);
