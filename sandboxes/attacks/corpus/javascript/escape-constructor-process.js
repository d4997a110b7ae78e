// attack: escape-constructor-process
// category: interpreter-escape
// tries: reach the host's process via this.constructor.constructor('return process')()
// source: Node.js vm escapes (this.constructor.constructor); vm2 advisories 2022-2023
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
const p = this.constructor.constructor("return process")();
console.log("REA" + "CHED", p.mainModule.require("child_process").execSync("id").toString());
