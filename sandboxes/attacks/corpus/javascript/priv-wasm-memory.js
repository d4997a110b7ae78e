// attack: priv-wasm-memory
// category: privilege-escalation
// tries: run WebAssembly (native-speed code and memory outside the heap limit)
// source: ENGINE-NOTES (WebAssembly.Memory is not bounded by max_memory); V8 sandbox escapes via Wasm (CVE-2023-2033 class)
// verdict: status in {violation, error, compile_error, memory_limit} and output lacks "REACHED"
// timeout_s: 2
const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
for (let i = 0; i < 100; i++) m.grow(600);
console.log("REA" + "CHED", m.buffer.byteLength);
