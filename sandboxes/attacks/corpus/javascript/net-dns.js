// attack: net-dns
// category: network
// tries: resolve a name with require('dns')
// source: MITRE ATT&CK T1071.004 (DNS)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
require("dns").lookup("localhost", (e, a) => console.log("REA" + "CHED", a));
