// attack: dos-compile-bomb
// category: resource-exhaustion
// tries: make the parser blow up with deeply nested code compiled at run time
// source: V8 parser stack overflow reports; CWE-674
// verdict: status in {error, compile_error, timeout, memory_limit} and returns within 6 s
// timeout_s: 1
eval("(".repeat(1e6) + "1" + ")".repeat(1e6));
