# attack: info-environment
# category: information-disclosure
# tries: read the host environment (secrets in variables)
# source: MITRE ATT&CK T1552.007 / CWE-526 (Exposure of Sensitive Information Through Environmental Variables)
# verdict: status in {violation, error, compile_error} and canary not in output
import os
print(os.environ["{{CANARY_ENV}}"], os.getenv("{{CANARY_ENV}}"))
