// attack: dos-buffer-hidden-constructors
// category: resource-exhaustion
// tries: recover unguarded ArrayBuffer/TypedArray constructors (prototype chains, .constructor of instances and
// tries: buffers, Reflect.construct with a foreign newTarget) and allocate past the memory budget with them
// source: SES "hidden intrinsics" list (Agoric/ses docs); saelo, Phrack #70, on species/newTarget
// verdict: status in {ok, memory_limit} and output lacks "REACHED" and returns within 8 s
// timeout_s: 2
const candidates = [
  Object.getPrototypeOf(new Uint8Array(8)).constructor,
  new ArrayBuffer(8).constructor,
  Object.getOwnPropertyDescriptor(Uint8Array.prototype, "constructor").value,
  new Uint8Array(8).buffer.constructor,
  new Float64Array(8).subarray(0).constructor,
];
if (!candidates.every(c => c === Uint8Array || c === ArrayBuffer || c === Float64Array)) {
  console.log("REA" + "CHED: an unguarded constructor", candidates.map(c => c.name).join(","));
}
// More than the 256 MiB budget allocated and touched, and still running: the budget was bypassed
// (the worker's memory guard only ends the run at a multiple of it).
const keep = [];
let bytes = 0;
try {
  for (const C of candidates) {
    for (let i = 0; i < 6; i++) {
      const a = Reflect.construct(C, [1 << 26], class X {});
      new Uint8Array(a.buffer || a).fill(1);
      keep.push(a);
      bytes += 1 << 26;
      if (bytes > 320 * 1024 * 1024) throw new Error("REA" + "CHED " + bytes + " bytes");
    }
  }
} catch (e) {
  console.log(String(e.message).startsWith("REA") ? e.message : e.name);
}
