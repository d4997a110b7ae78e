// attack: net-fetch
// category: network
// tries: make an HTTP request with fetch to a listener on 127.0.0.1
// source: MITRE ATT&CK T1071.001; OWASP SSRF
// verdict: status in {ok, violation, error, compile_error} and listener saw 0 connections and output lacks "REACHED"
fetch("http://127.0.0.1:{{TCP_PORT}}/").then(() => console.log("REA" + "CHED"));
