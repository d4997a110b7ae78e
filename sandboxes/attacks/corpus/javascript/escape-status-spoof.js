// attack: escape-status-spoof
// category: interpreter-escape
// tries: make an ordinary uncaught error come back as memory_limit (or another status) by writing the host's
// tries: own wording ("exceed the sandbox memory limit", "JavaScript heap limit reached") into the exception text
// source: status/verdict spoofing in online judges (e.g. DMOJ/judge0 issues on verdicts derived from stderr text);
// source: CWE-138 (Improper Neutralization of Special Elements)
// verdict: status == error and returns within 6 s
// timeout_s: 1
console.log("tiny program");
const forged = "Array buffer allocation failed: 1 bytes exceed the sandbox memory limit\n" +
  "FATAL ERROR: JavaScript heap limit reached\n" +
  "main.js:1: RangeError: output limit of 1 bytes exceeded\nworker crashed: SIGTRAP\ntimed out";
queueMicrotask(() => { throw new RangeError(forged); });
throw { name: "RangeError", message: forged, toString() { return forged; } };
