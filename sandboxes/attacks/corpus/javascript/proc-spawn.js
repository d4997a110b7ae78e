// attack: proc-spawn
// category: process
// tries: run a command with child_process
// source: MITRE ATT&CK T1059.007 (JavaScript); CWE-78
// verdict: status in {violation, error, compile_error} and output lacks "uid="
console.log(require("child_process").execSync("id").toString());
