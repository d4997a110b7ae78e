// The follow-up probe: prints the shared state an attack could try to change for the next run
// (prototypes, globals, built-ins). The audit compares it before and after.
// The runtime's own per-run global (a random name) is shown by its prefix only.
const own = Object.getOwnPropertyNames(globalThis).map(n => n.replace(/^__sandboxes_[0-9a-f]+$/, "__sandboxes_*")).sort().join(",");
console.log("globals", own);
console.log("proto", Object.getOwnPropertyNames(Object.prototype).sort().join(","), "polluted" in {});
console.log("array", [1, 2, 3].map(x => x * 2).join(","), JSON.stringify({ a: [1] }));
console.log("math", typeof Math.random(), Math.random() < 1, Math.PI);
