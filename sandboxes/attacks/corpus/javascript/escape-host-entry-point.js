// attack: escape-host-entry-point
// category: interpreter-escape
// tries: find the host's entry point into the context (the global it calls to drive timers and read output), call it
// tries: with guessed arguments, overwrite, delete or redefine it, and shadow the globals host-side scripts use with
// tries: lexical declarations, so that the host runs guest code
// source: "global shadowing" of embedder hooks, e.g. isolated-vm issue #213 on reference globals;
// source: vm2 CVE-2022-36067 overriding host-called functions
// verdict: status == ok and output lacks "REACHED" and output lacks "sandboxes-prelude"
const G = this;
const name = Reflect.ownKeys(G).find(n => typeof n === "string" && n.startsWith("__sand" + "boxes"));
const f = G[name];
const out = [];
for (const args of [[], ["guess", "tick"], [undefined, "begin", "x", 1], [undefined, "peek"], [undefined, "tick"]]) {
  try { f(...args); out.push("called"); } catch (e) { out.push(e && e.constructor && e.constructor.name); }
}
const evil = function () { console.log("REA" + "CHED: the host called guest code", ...arguments); return 0; };
try { G[name] = evil; } catch (e) {}
try { delete G[name]; } catch (e) {}
try { Reflect.defineProperty(G, name, { value: evil }); } catch (e) {}
if (out.includes("called")) console.log("REA" + "CHED: the entry point answered the guest", out.join(","));
// Lexical declarations live in the global scope every later script of this context sees.
let globalThis = { [name]: evil };
const Function = evil;
let JSON = { stringify: evil, parse: evil };
let Object = evil, Array = evil, Promise = evil, Error = evil, String = evil, Symbol = evil, Map = evil;
setTimeout(() => console.log("timer still runs"), 0);
console.log("shadowed", typeof globalThis, typeof JSON.stringify);
