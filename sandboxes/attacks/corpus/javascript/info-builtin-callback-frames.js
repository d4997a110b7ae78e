// attack: info-builtin-callback-frames
// category: information-disclosure
// tries: hand builtins (Reflect.apply, JSON.parse, a bound Function.prototype.call) straight to the timers, so the
// tries: error is raised with no guest frame on top and V8 attributes it to the host's timer loop and its script
// source: CWE-209; SES/Hardened JS "error taming" (host frames leak through errors raised by builtins that host code invokes)
// verdict: status == error and output lacks "sandboxes-prelude" and output lacks "sandboxes-host"
// verdict: and output lacks "at tick" and output lacks "at control" and output lacks "<anonymous>:1"
// timeout_s: 2
// The first builtin to throw ends the run; the others are the same technique through other builtins.
setTimeout(Reflect.apply, 0);
setTimeout(JSON.parse, 0, "{");
setTimeout(Function.prototype.call.bind(null), 0);
setInterval(Array.prototype.forEach, 1);
