def factor(n):
    f = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            f[d] = f.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        f[n] = f.get(n, 0) + 1
    return f
def divisors(n):
    ds = [1]
    for p, e in factor(n).items():
        ds = [d * p ** k for d in ds for k in range(e + 1)]
    return sorted(ds)
for n in map(int, input().split()):
    f = factor(n)
    print(n, " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items()), len(divisors(n)), sum(divisors(n)))
