// attack: proc-enumerate
// category: process
// tries: enumerate processes and host facts through process and os
// source: MITRE ATT&CK T1057 (Process Discovery); T1082
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
console.log("REA" + "CHED", process.pid, require("os").hostname());
