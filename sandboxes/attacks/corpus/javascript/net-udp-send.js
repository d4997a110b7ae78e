// attack: net-udp-send
// category: network
// tries: send a UDP datagram with require('dgram')
// source: MITRE ATT&CK T1048
// verdict: status in {violation, error, compile_error} and udp listener saw 0 datagrams
require("dgram").createSocket("udp4").send("exfil", {{UDP_PORT}}, "127.0.0.1");
