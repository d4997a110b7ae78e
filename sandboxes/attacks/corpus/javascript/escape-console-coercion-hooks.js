// attack: escape-console-coercion-hooks
// category: interpreter-escape
// tries: run guest code in the middle of the output collector through the coercions it performs: Symbol.toPrimitive,
// tries: valueOf, toString and toJSON hooks reached by %d %i %f %j %s, console.count labels and console.assert,
// tries: re-entrant console calls from a hook, a hook that swaps console.log mid-call, and a hook that throws
// source: vm2 GHSA-cchq-frgv-rjh5 "inspect custom hooks run host code"; Node util.inspect CVE-2021-22918-era
// source: discussions of [util.inspect.custom] and Symbol.toPrimitive in format(); WebIDL/console spec "Formatter"
// verdict: status == error and output lacks "sandboxes-prelude" and output lacks "at count" and output lacks "at format"
// verdict: and a follow-up run is clean
// exclusive: true
let depth = 0;
const hook = { [Symbol.toPrimitive](hint) { if (depth++ < 3) console.log("inner", hint, this); return 7; },
               toJSON() { console.error("toJSON"); return "J"; } };
console.log("%d|%i|%f|%j|%s", hook, hook, hook, hook, "tail");
console.count({ toString() { console.log("label hook"); return "L"; } });
console.assert(false, "%d", { valueOf() { console.log("in assert"); return 1; } });
console.log("%s", { toString() { console.log = () => {}; globalThis.leaked = 1; Object.prototype.polluted = 1; return "swapped"; } });
console.log("after swap");
console.count({ [Symbol.toPrimitive]: 5 });
