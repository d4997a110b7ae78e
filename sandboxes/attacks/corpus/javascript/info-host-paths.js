// attack: info-host-paths
// category: information-disclosure
// tries: learn host paths from stack traces, __filename and import.meta
// source: CWE-209 (Error Message Containing Sensitive Information)
// verdict: status in {ok, violation, error, compile_error}
console.log(typeof __filename !== "undefined" ? __filename : "", new Error("x").stack);
throw new TypeError("trace");
