# attack: info-host-paths
# category: information-disclosure
# tries: learn host paths from sys.path, module __file__ and tracebacks
# source: CWE-209 (Error Message Containing Sensitive Information); MITRE ATT&CK T1082
# verdict: status in {ok, violation, error, compile_error}
import sys, json
print(getattr(sys, "path", None), getattr(sys, "executable", None), getattr(json, "__file__", None))
json.loads("{")
