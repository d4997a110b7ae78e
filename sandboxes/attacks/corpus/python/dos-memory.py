# attack: dos-memory
# category: resource-exhaustion
# tries: allocate memory until the host runs out
# source: CWE-789 (Memory Allocation with Excessive Size Value); CWE-400
# verdict: status in {memory_limit, violation, timeout, error} and returns within 6 s
# timeout_s: 1
xs = []
while True:
    xs.append(bytearray(10 ** 7))
