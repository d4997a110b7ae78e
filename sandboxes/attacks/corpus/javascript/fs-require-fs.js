// attack: fs-require-fs
// category: filesystem
// tries: read /etc/passwd and the canary with require('fs')
// source: MITRE ATT&CK T1552.001; Node.js docs 'node:vm is not a security mechanism'
// verdict: status in {violation, error, compile_error} and output lacks "root:x:0:0" and canary not in output
const fs = require("fs");
console.log(fs.readFileSync("/etc/passwd", "utf8"), fs.readFileSync("{{CANARY_FILE}}", "utf8"));
