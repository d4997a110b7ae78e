// attack: dos-cpu
// category: resource-exhaustion
// tries: spin the CPU forever
// source: CWE-400; MITRE ATT&CK T1499.003
// verdict: status == timeout and returns within 6 s
// timeout_s: 1
for (;;) {}
