// attack: dos-async-loop
// category: resource-exhaustion
// tries: keep the run alive with timers and a microtask loop after the main script
// source: HTML event loop / V8 microtask queue starvation; CWE-400
// verdict: status in {timeout, ok, error} and returns within 6 s
// timeout_s: 1
setTimeout(function tick() { setTimeout(tick, 0); }, 0);
(function spin() { Promise.resolve().then(spin); })();
