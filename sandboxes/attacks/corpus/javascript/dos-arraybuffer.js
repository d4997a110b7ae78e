// attack: dos-arraybuffer
// category: resource-exhaustion
// tries: allocate ArrayBuffers (backing stores live outside the V8 heap limit)
// source: ENGINE-NOTES (max_memory does not bound ArrayBuffer backing stores); CWE-789
// verdict: status in {memory_limit, error, timeout} and returns within 6 s
// timeout_s: 1
const xs = [];
for (;;) { const b = new ArrayBuffer(64 * 1024 * 1024); new Uint8Array(b).fill(1); xs.push(b); }
