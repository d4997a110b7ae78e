import sys
input = sys.stdin.readline
n, q = map(int, input().split())
a = list(map(int, input().split()))
pre = [0] * (n + 1)
for i, v in enumerate(a):
    pre[i + 1] = pre[i] + v
out = []
for _ in range(q):
    l, r = map(int, input().split())
    out.append(str(pre[r] - pre[l - 1]))
print("\n".join(out))
