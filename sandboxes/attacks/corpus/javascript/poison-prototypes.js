// attack: poison-prototypes
// category: cross-run-poisoning
// tries: change built-in prototypes and globals for the next run
// source: CWE-1321 (Prototype Pollution)
// verdict: status in {ok, violation, error, compile_error} and a follow-up run is clean
Object.prototype.polluted = "POISONED";
Array.prototype.map = function () { return ["POISONED"]; };
JSON.stringify = () => "POISONED";
globalThis.leftover = 1;
Math.random = () => 4;
