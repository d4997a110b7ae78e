// attack: escape-prepare-stack-trace
// category: interpreter-escape
// tries: hook Error.prepareStackTrace to obtain host call-site objects
// source: vm2 CVE-2023-29017 (GHSA-7jxr-cg7f-gpgv, prepareStackTrace); V8 stack trace API
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
Error.prepareStackTrace = (e, frames) => frames.map(f => [f.getFunction && f.getFunction(), f.getThis && f.getThis(), f.getFileName()]);
const st = new Error().stack;
const leaked = st.find(x => x[0] && x[0].constructor !== Function || x[2] && x[2].startsWith("/"));
if (leaked) console.log("REA" + "CHED", String(leaked));
throw new Error("no host frame");
