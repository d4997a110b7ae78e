# attack: dos-regex
# category: resource-exhaustion
# tries: catastrophic regex backtracking in C (cannot be interrupted by ticks)
# source: CWE-1333 (Inefficient Regular Expression Complexity); OWASP 'ReDoS'
# verdict: status in {timeout, violation} and returns within 6 s
# timeout_s: 1
import re
print(re.match(r"(a+)+$", "a" * 64 + "!"))
