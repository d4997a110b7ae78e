// attack: net-tcp-connect
// category: network
// tries: open a TCP connection with require('net')
// source: MITRE ATT&CK T1071
// verdict: status in {violation, error, compile_error} and listener saw 0 connections
require("net").connect({{TCP_PORT}}, "127.0.0.1");
