// attack: escape-eval-function
// category: interpreter-escape
// tries: compile code from strings with eval and Function to reach require
// source: OWASP 'Eval injection'; CWE-95
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
const g = (0, eval)("this");
const F = Function("return typeof require !== 'undefined' ? require : this.process");
console.log("REA" + "CHED", F()("fs"));
