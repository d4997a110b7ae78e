# attack: escape-host-fs
# category: container-escape
# tries: reach the host filesystem through /proc/1/root
# source: MITRE ATT&CK T1611 (Escape to Host); proc(5) /proc/[pid]/root
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import os
print("REA" + "CHED", os.listdir("/proc/1/root"))
