def find_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return None
    return d
for n in (17, 91, 1024, 97):
    print(n, find_divisor(n))
for i in range(3):
    for j in range(3):
        if i == j == 1:
            break
    else:
        print("inner completed for", i)
        continue
    print("broke at", i)
count = 0
for _ in iter(lambda: count, 3) if False else range(0):
    pass
print("done")
