# attack: priv-setuid
# category: privilege-escalation
# tries: become root with os.setuid(0)
# source: MITRE ATT&CK T1548.001 (Abuse Elevation Control Mechanism: Setuid and Setgid)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import os
os.setuid(0)
print("REA" + "CHED", os.getuid())
