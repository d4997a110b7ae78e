import random
def kth(a, k):
    pivot = a[len(a) // 2]
    lo = [x for x in a if x < pivot]
    eq = [x for x in a if x == pivot]
    hi = [x for x in a if x > pivot]
    if k < len(lo):
        return kth(lo, k)
    if k < len(lo) + len(eq):
        return pivot
    return kth(hi, k - len(lo) - len(eq))
random.seed(11)
a = [random.randint(-500, 500) for _ in range(1001)]
print(kth(a, 500) == sorted(a)[500], kth(a, 0), kth(a, 1000))
