import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
a.sort()
pref = 0
best = -10**18
for x in a:
    pref += x
    best = max(best, pref)
out = [str(a[0]), str(a[-1]), str(sum(a)), str(best), str(len(set(a)))]
print("\n".join(out))
print(" ".join(map(str, a[:10])))
