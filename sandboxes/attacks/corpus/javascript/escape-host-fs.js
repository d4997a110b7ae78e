// attack: escape-host-fs
// category: container-escape
// tries: read the host filesystem through /proc/1/root
// source: MITRE ATT&CK T1611; proc(5)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
console.log("REA" + "CHED", require("fs").readdirSync("/proc/1/root"));
