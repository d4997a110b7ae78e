# attack: dos-output
# category: resource-exhaustion
# tries: print without end to flood the host with output
# source: CWE-400; CWE-779 (Logging of Excessive Data)
# verdict: status in {output_limit, timeout} and returns within 6 s
# timeout_s: 1
while True:
    print("A" * 65536)
