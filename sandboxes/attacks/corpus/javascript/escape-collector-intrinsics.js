// attack: escape-collector-intrinsics
// category: interpreter-escape
// tries: override the built-ins an output collector typically uses (String.prototype methods, Array.prototype.push/join,
// tries: Map methods, JSON.stringify, Reflect.apply, Function.prototype.call/apply, index setters on Array.prototype,
// tries: a `value` getter on Object.prototype) to corrupt or hijack the output collection
// source: vm2 GHSA-g644-9gfx-q4q4 "sandbox escape via overridden built-ins in the bridge";
// source: SES/Hardened JS "prototype poisoning"
// verdict: status == ok and output lacks "hijacked" and output lacks "REACHED" and a follow-up run is clean
// exclusive: true
let hits = 0;
const m = new Map([[1, 2]]);
const trap = (name) => function () { hits++; return "hijacked"; };
String.prototype.charCodeAt = trap("charCodeAt");
String.prototype.slice = trap("slice");
String.prototype.split = trap("split");
String.prototype.padStart = trap("padStart");
String.prototype.indexOf = trap("indexOf");
String.prototype.replace = trap("replace");
Array.prototype.push = trap("push");
Array.prototype.join = trap("join");
Array.prototype.map = trap("map");
Map.prototype.set = trap("set"); Map.prototype.get = trap("get"); Map.prototype.has = trap("has");
JSON.stringify = trap("stringify");
Reflect.apply = trap("apply"); Reflect.ownKeys = trap("ownKeys"); Reflect.defineProperty = trap("defineProperty");
Function.prototype.call = trap("call"); Function.prototype.apply = trap("apply"); Function.prototype.bind = trap("bind");
Object.defineProperty(Array.prototype, "0", { set(v) { hits++; }, configurable: true });
Object.defineProperty(Object.prototype, "value", { get() { hits++; return "x"; }, configurable: true });
console.log([1, "two", { three: 3 }], m, "ok \u00e9");
console.error("err");
const seen = hits;
if (seen !== 0) console.log("REA" + "CHED: the collector called guest overrides " + seen + " times");
