def prefix_function(s):
    pi = [0] * len(s)
    for i in range(1, len(s)):
        k = pi[i - 1]
        while k and s[i] != s[k]:
            k = pi[k - 1]
        if s[i] == s[k]:
            k += 1
        pi[i] = k
    return pi
pat = input()
text = input()
pi = prefix_function(pat + '#' + text)
m = len(pat)
print([i - 2 * m for i, v in enumerate(pi) if v == m])
