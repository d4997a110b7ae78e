# attack: priv-capabilities
# category: privilege-escalation
# tries: read the process capabilities from /proc/self/status
# source: MITRE ATT&CK T1068 (Exploitation for Privilege Escalation); capabilities(7)
# verdict: status in {violation, error, compile_error} and output lacks "CapEff"
print(open("/proc/self/status").read())
