# attack: dos-recursion
# category: resource-exhaustion
# tries: recurse without end to overflow the C stack
# source: CWE-674 (Uncontrolled Recursion)
# verdict: status in {error, violation, timeout} and returns within 6 s
# timeout_s: 1
def f(n):
    return f(n + 1) + 1
f(0)
