def classify(n):
    return "zero" if n == 0 else ("even" if n % 2 == 0 else "odd") + (" negative" if n < 0 else "")
print([classify(n) for n in (-3, -2, 0, 7, 10)])
x = None
print(x or "default", 0 and "never", [] or {} or "last", 5 if x is None else x)
print(all(n > 0 for n in [1, 2]), any([]), not [], bool("False"), 1 < 2 < 3 > 2, (1, 2) < (1, 3))
a, *mid, z = range(6)
print(a, mid, z)
first, (second, third) = "x", ("y", "z")
print(first + second + third)
a, b = 1, 2
a, b = b, a
print(a, b)
