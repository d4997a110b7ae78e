def ok(d, xs, k):
    cnt, last = 1, xs[0]
    for x in xs[1:]:
        if x - last >= d:
            cnt += 1
            last = x
    return cnt >= k
n, k = map(int, input().split())
xs = sorted(map(int, input().split()))
lo, hi = 0, xs[-1] - xs[0] + 1
while hi - lo > 1:
    mid = (lo + hi) // 2
    if ok(mid, xs, k):
        lo = mid
    else:
        hi = mid
print(lo)
