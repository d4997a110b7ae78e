n = int(input())
a = list(map(int, input().split()))
best = cur = a[0]
start = bs = be = 0
for i in range(1, n):
    if cur < 0:
        cur, start = a[i], i
    else:
        cur += a[i]
    if cur > best:
        best, bs, be = cur, start, i
print(best, bs, be, a[bs:be + 1])
