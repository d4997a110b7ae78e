# attack: net-http
# category: network
# tries: make an HTTP request with urllib to a listener on 127.0.0.1
# source: MITRE ATT&CK T1071.001 (Web Protocols); OWASP SSRF
# verdict: status in {violation, error, compile_error} and listener saw 0 connections
import urllib.request
print("REA" + "CHED", urllib.request.urlopen("http://127.0.0.1:{{TCP_PORT}}/", timeout=1).status)
