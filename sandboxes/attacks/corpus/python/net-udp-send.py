# attack: net-udp-send
# category: network
# tries: send a UDP datagram to 127.0.0.1
# source: MITRE ATT&CK T1048 (Exfiltration Over Alternative Protocol)
# verdict: status in {violation, error, compile_error} and udp listener saw 0 datagrams
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"exfil", ("127.0.0.1", {{UDP_PORT}}))
print("REA" + "CHED sent")
