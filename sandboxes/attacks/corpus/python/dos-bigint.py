# attack: dos-bigint
# category: resource-exhaustion
# tries: compute a huge integer power in C
# source: CWE-400; CPython gh-95778 (int/str conversion quadratic time, CVE-2020-10735)
# verdict: status in {violation, memory_limit, timeout, error} and returns within 6 s
# timeout_s: 1
x = 10 ** 10 ** 10
print(len(str(x)))
