// attack: net-websocket-xhr
// category: network
// tries: open a WebSocket, an XMLHttpRequest or an EventSource
// source: MITRE ATT&CK T1071.001; WHATWG Fetch/WebSocket
// verdict: status in {violation, error, compile_error} and listener saw 0 connections
new WebSocket("ws://127.0.0.1:{{TCP_PORT}}/");
new XMLHttpRequest().open("GET", "http://127.0.0.1:{{TCP_PORT}}/");
