// attack: escape-docker-socket
// category: container-escape
// tries: talk to the Docker daemon socket with require('http')
// source: MITRE ATT&CK T1611 (Escape to Host)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
require("http").get({ socketPath: "/var/run/docker.sock", path: "/version" }, () => console.log("REA" + "CHED"));
