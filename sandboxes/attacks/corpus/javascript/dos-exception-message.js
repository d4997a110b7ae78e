// attack: dos-exception-message
// category: resource-exhaustion
// tries: put 3 MB in an uncaught exception's message, so the engine's error report (built by the embedder,
// tries: not by console.log) carries it past max_output_bytes; a marker after the first 3 MB shows whether it was cut
// source: CWE-400 output amplification; online-judge output limits that count only the program's writes,
// source: not the runner's crash report (e.g. judge0/piston "output limit" handling)
// verdict: status in {error, output_limit} and output lacks "END-OF-THE-HUGE-REPORT" and returns within 6 s
// timeout_s: 1
const tail = "END-OF-THE-" + "HUGE-REPORT";
throw { toString() { return "x".repeat(3 * 1024 * 1024) + tail; } };
