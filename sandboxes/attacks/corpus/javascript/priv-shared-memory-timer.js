// attack: priv-shared-memory-timer
// category: privilege-escalation
// tries: build a high-resolution timer from SharedArrayBuffer and Atomics (Spectre gadget)
// source: Spectre (Kocher et al., 2018); Chromium 'SharedArrayBuffer cross-origin isolation' notes
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
const sab = new SharedArrayBuffer(1024);
Atomics.add(new Int32Array(sab), 0, 1);
console.log("REA" + "CHED");
