// attack: fs-dynamic-import
// category: filesystem
// tries: load a host file as a module with import()
// source: ECMAScript dynamic import(); MITRE ATT&CK T1005
// verdict: status in {ok, violation, error, compile_error} and canary not in output and output lacks "REACHED"
import("{{CANARY_FILE}}").then(m => console.log("REA" + "CHED", m)).catch(e => console.log(String(e)));
import("file://{{CANARY_LINK}}").then(m => console.log("REA" + "CHED", m)).catch(e => console.log(String(e)));
