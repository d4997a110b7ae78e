MOD, B = (1 << 61) - 1, 131
def prefix_hash(s):
    h = [0]
    for ch in s:
        h.append((h[-1] * B + ord(ch)) % MOD)
    return h
def count_distinct_substrings(s, L):
    h = prefix_hash(s)
    p = pow(B, L, MOD)
    return len({(h[i + L] - h[i] * p) % MOD for i in range(len(s) - L + 1)})
s = input().strip()
print([count_distinct_substrings(s, L) for L in range(1, len(s) + 1)])
