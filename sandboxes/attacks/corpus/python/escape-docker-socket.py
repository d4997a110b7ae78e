# attack: escape-docker-socket
# category: container-escape
# tries: talk to the Docker daemon over /var/run/docker.sock
# source: MITRE ATT&CK T1611 (Escape to Host); Docker docs 'Protect the Docker daemon socket'
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import socket
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect("/var/run/docker.sock")
print("REA" + "CHED")
