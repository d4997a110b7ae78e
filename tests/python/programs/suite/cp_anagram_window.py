from collections import Counter
s, p = input(), input()
need = Counter(p)
win = Counter(s[:len(p)])
res = [0] if win == need else []
for i in range(len(p), len(s)):
    win[s[i]] += 1
    old = s[i - len(p)]
    win[old] -= 1
    if win[old] == 0:
        del win[old]
    if win == need:
        res.append(i - len(p) + 1)
print(res)
