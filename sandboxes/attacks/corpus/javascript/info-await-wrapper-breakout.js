// attack: info-await-wrapper-breakout
// category: information-disclosure
// tries: close the host's top-level-await wrapper from inside the guest code (`await 0 })()); ...`) to run at the
// tries: top level of the host-built script, beside the wrapper's entry-point name and per-context token, and read
// tries: them through stack frames, Function.prototype.toString and the echoed source line; a U+2028 and a bare CR
// tries: (line breaks to V8, not to a host splitting on \n) make the host mis-match the line V8 echoes
// source: ECMA-262 LineTerminator includes U+2028/U+2029 and CR; TC39 "JSON superset" proposal on U+2028 mismatches
// source: between tools; CWE-209; CWE-94 (code injection into the host's wrapper template)
// verdict: status in {compile_error, error} and output lacks "__sandboxes_" and output lacks "watch"
// verdict: and output lacks "(function(){return this})()" and output lacks "sandboxes-prelude"
// verdict: and output lacks "TOKEN-SEEN" and output lacks "incompatible receiver"
// timeout_s: 2
await 0;   let q = 1;  await 0 })()); (function () {
  const found = [];
  Error.prepareStackTrace = (e, frames) => frames;
  const frames = new Error().stack;
  for (const f of frames) {
    const fn = f.getFunction && f.getFunction();
    if (typeof fn === "function") found.push(Function.prototype.toString.call(fn));
    found.push(String(f.getScriptNameOrSourceURL()), String(f.getEvalOrigin()));
  }
  Error.prepareStackTrace = undefined;
  found.push(new Error().stack, Function.prototype.toString.call(arguments.callee));
  const prefix = "__sand" + "boxes_";
  const name = Object.getOwnPropertyNames(globalThis).find(n => n.startsWith(prefix));
  if (name || found.some(s => /[0-9a-f]{32}/.test(s))) console.log("TOKEN-" + "SEEN", name, found.join("|"));
})(); ((function(){ let a = 1; let a = 2;   //
