// attack: escape-promise-then-hijack
// category: interpreter-escape
// tries: replace Promise.prototype.then and Promise[Symbol.species] (a subclass whose constructor records its
// tries: executor) so that the host's promise plumbing (queueMicrotask, timers, top-level-await reporting) hands
// tries: guest code its internal callbacks
// source: vm2 CVE-2023-37466 and CVE-2023-30547 (Promise/exception sanitisation bypasses)
// verdict: status == ok and output lacks "REACHED"
const captured = [];
const origThen = Promise.prototype.then;
Promise.prototype.then = function (...a) { captured.push(...a); return origThen.apply(this, a); };
Promise.prototype.catch = function (...a) { captured.push(...a); return origThen.call(this, undefined, ...a); };
class Evil extends Promise { constructor(executor) { captured.push(executor); super(executor); } }
Object.defineProperty(Promise, Symbol.species, { get() { return Evil; } });
queueMicrotask(() => console.log("microtask ran"));
await null;
setTimeout(() => {
  // The guest passed no function to then(): any non-native function seen came from the host's side.
  const foreign = captured.filter(f => typeof f === "function" && !/\[native code\]\s*\}$/.test(Function.prototype.toString.call(f)));
  if (foreign.length) console.log("REA" + "CHED", foreign.map(f => Function.prototype.toString.call(f).slice(0, 120)).join(" | "));
  console.log("values seen", captured.length);
}, 0);
