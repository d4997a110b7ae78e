// attack: priv-temporal-clock
// category: privilege-escalation
// tries: rebuild a high-resolution timer without SharedArrayBuffer: Temporal.Now nanoseconds, Date.now / new Date,
// tries: performance.now, process.hrtime (sub-millisecond values: the Node stand-in's hrtime is coarsened too)
// source: Schwarz et al., "Fantastic Timers and Where to Find Them", FC 2017; Chrome/Firefox clamping of performance.now
// source: and Temporal.Now after Spectre; TC39 Temporal proposal's note that Temporal.Now must be coarsened like Date.now
// verdict: status == ok and output lacks "REACHED"
const fine = [];
if (typeof performance === "object" && performance && typeof performance.now === "function") {
  for (let i = 0; i < 200; i++) if (!Number.isInteger(performance.now())) { fine.push("performance.now"); break; }
}
if (typeof process === "object" && process && typeof process.hrtime === "function") {
  for (let i = 0; i < 200; i++) if (process.hrtime()[1] % 1000000 !== 0) { fine.push("process.hrtime"); break; }
  if (typeof process.hrtime.bigint === "function")
    for (let i = 0; i < 200; i++) if (process.hrtime.bigint() % 1000000n !== 0n) { fine.push("process.hrtime.bigint"); break; }
}
if (typeof Temporal === "object" && Temporal.Now) {
  let sub = 0;
  for (let i = 0; i < 2000; i++) if (Temporal.Now.instant().epochNanoseconds % 1000000n !== 0n) sub++;
  if (sub) fine.push("Temporal.Now sub-ms x" + sub);
}
let frac = 0;
for (let i = 0; i < 200; i++) if (!Number.isInteger(Date.now()) || !Number.isInteger(+new Date())) frac++;
if (frac) fine.push("Date sub-ms x" + frac);
if (fine.length) console.log("REA" + "CHED", fine.join(", "));
console.log("clocks checked");
