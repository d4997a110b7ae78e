# attack: net-tcp-connect
# category: network
# tries: open a TCP connection to a listener on 127.0.0.1
# source: MITRE ATT&CK T1071 (Application Layer Protocol); T1046 (Network Service Discovery)
# verdict: status in {violation, error, compile_error} and listener saw 0 connections
import socket
s = socket.create_connection(("127.0.0.1", {{TCP_PORT}}), timeout=1)
print("REA" + "CHED connected")
