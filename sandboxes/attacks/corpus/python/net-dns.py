# attack: net-dns
# category: network
# tries: resolve a name with getaddrinfo (DNS exfiltration channel)
# source: MITRE ATT&CK T1071.004 (Application Layer Protocol: DNS)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import socket
print("REA" + "CHED", socket.getaddrinfo("localhost", 80))
