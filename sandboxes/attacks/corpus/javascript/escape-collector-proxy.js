// attack: escape-collector-proxy
// category: interpreter-escape
// tries: hand the output collector a Proxy whose traps capture whatever the host-side code passes in
// tries: (targets, receivers, descriptors), looking for internal objects of the collector
// source: vm2 GHSA-whpj-8f3w-67p5; CVE-2022-25893-style Proxy handler escapes in vm2's bridge
// verdict: status == ok and output lacks "REACHED"
const got = [];
const handler = new Proxy({}, { get(_, trap) { return (...args) => { got.push(...args); return Reflect[trap](...args); }; } });
const target = { a: 1, nested: [1, 2] };
const p = new Proxy(target, handler);
console.log(p);
console.log("%s %o %O %j %d", p, p, p, p, p);
console.error(p);
console.count(p);
const foreign = got.filter(x => x !== null && typeof x === "object" && x !== p && x !== target && !Array.isArray(x));
if (foreign.length) console.log("REA" + "CHED", foreign.length, foreign.map(x => Reflect.ownKeys(x).map(String).join(",")).join(" | "));
