// attack: escape-eval-function
// category: interpreter-escape
// tries: compile code from strings with eval and Function to reach require, then a host module through it
// tries: (the Node-style require stand-in of issue 13 is there: only a host module's use counts)
// source: OWASP 'Eval injection'; CWE-95
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
const g = (0, eval)("this");
const F = Function("return typeof require !== 'undefined' ? require : this.process");
const r = F();
const out = r("child_process").execSync("id").toString();
console.log("REA" + "CHED", out);
