def sort_count(a):
    if len(a) <= 1:
        return a, 0
    mid = len(a) // 2
    l, x = sort_count(a[:mid])
    r, y = sort_count(a[mid:])
    merged, i, j, inv = [], 0, 0, x + y
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            merged.append(l[i]); i += 1
        else:
            merged.append(r[j]); j += 1
            inv += len(l) - i
    merged += l[i:] + r[j:]
    return merged, inv
import random
random.seed(3)
a = [random.randrange(1000) for _ in range(2000)]
s, inv = sort_count(a)
print(s == sorted(a), inv)
print(sort_count([2, 4, 1, 3, 5]))
