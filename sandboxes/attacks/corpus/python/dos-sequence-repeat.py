# attack: dos-sequence-repeat
# category: resource-exhaustion
# tries: build a multi-gigabyte string and list with sequence repetition and an in-place repeat
# source: Python sandbox DoS write-ups ("'a' * 10**10"); CWE-789 (memory allocation with excessive size value)
# verdict: status in {memory_limit, violation, error} and output lacks "BUILT" and returns within 6 s
# timeout_s: 2
s = "a" * 10 ** 10
l = [0]
l *= 10 ** 9
print("BU" + "ILT", len(s), len(l))
