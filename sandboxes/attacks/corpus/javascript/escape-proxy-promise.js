// attack: escape-proxy-promise
// category: interpreter-escape
// tries: catch host exceptions through Proxy traps and Promise rejection handlers, reach the host's process
// tries: (the harmless process stand-in of issue 13 has no binding, dlopen, mainModule or environment)
// source: vm2 CVE-2023-32314 (Proxy), CVE-2023-37466 (Promise handler sanitization bypass)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
const handler = { get(t, k) { throw Symbol("x"); } };
try { new Proxy({}, handler).x; } catch (e) { if (e && e.constructor && e.constructor.constructor !== Function) console.log("REA" + "CHED"); }
Promise.reject(new Error("x")).catch(e => { const F = e.constructor.constructor; const g = F("return this")(); const p = g.process; if (p && (p.binding || p.dlopen || p.mainModule || Object.keys(p.env || {}).length)) console.log("REA" + "CHED", Object.keys(p)); });
throw new Error("done");
