// attack: escape-arguments-caller
// category: interpreter-escape
// tries: walk up the call stack with fn.caller / arguments.callee.caller from sloppy-mode getters and Proxy traps
// tries: that the output collector invokes, to obtain the sandbox's own functions
// source: classic `caller` escapes from the Caja/ADsafe era; vm2 issue #32 "escape via arguments.callee.caller"
// verdict: status == ok and output lacks "REACHED" and output lacks "sandboxes-prelude"
const found = [];
const probe = {};
Object.defineProperty(probe, Symbol.toStringTag, {
  get: function getter() { found.push(getter.caller, arguments.callee.caller); return "Probe"; },
});
console.log(probe);
const p = new Proxy({}, {
  ownKeys: function trap() { found.push(trap.caller); return []; },
  getPrototypeOf: function proto() { found.push(proto.caller); return Object.prototype; },
});
console.log(p);
console.log("%s %d", { toString: function ts() { found.push(ts.caller); return "s"; } },
  { valueOf: function vo() { found.push(vo.caller); return 1; } });
const callers = found.filter(c => c !== null && c !== undefined);
if (callers.length) {
  const text = callers.map(c => Function.prototype.toString.call(c).slice(0, 200)).join(" | ");
  console.log("REA" + "CHED", callers.length, text);
  try { console.log("REA" + "CHED", String(callers[0].call(undefined, "tick"))); } catch (e) { console.log(e.name); }
}
console.log("checked", found.length, "caller lookups");
