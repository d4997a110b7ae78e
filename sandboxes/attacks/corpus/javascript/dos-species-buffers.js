// attack: dos-species-buffers
// category: resource-exhaustion
// tries: Symbol.species / constructor swapping so that TypedArray slice() allocates through an unaccounted
// tries: constructor, to get ArrayBuffer memory past the budget (10 GB of 1 MiB copies)
// source: V8 bug tracker species-constructor issues (e.g. crbug.com/v8/4665 family); "Symbol.species" abuse in
// source: JS engine exploitation, saelo "Attacking JavaScript Engines", Phrack #70
// verdict: status == memory_limit and output lacks "REACHED" and returns within 8 s
// timeout_s: 2
const Orig = Object.getPrototypeOf(new Uint8Array(1)).constructor;
class Big extends Uint8Array { static get [Symbol.species]() { return Orig; } }
const keep = [];
const base = new Big(1 << 20).fill(1);
for (let i = 0; i < 10000; i++) {
  keep.push(base.slice(0));
  // past the 256 MiB budget and still running: the budget was bypassed (the worker's memory guard
  // only ends the run at a multiple of it)
  if (keep.length > 320) { console.log("REA" + "CHED", keep.length, "MiB"); break; }
}
