import numpy as np

a = np.arange(20).reshape(4, 5) * 10
print(a[[0, 2], [1, 3]])
print(a[a % 30 == 0])
mask = a > 100
print(mask.sum(), np.count_nonzero(mask), mask.any(), mask.all())
print(np.nonzero(a == 120))
b = a.copy()
b[b > 150] = -1
print(b)
print(a[np.ix_([1, 3], [0, 4])])
print(np.take(a, [0, 7, 19]))
print(a[..., -1], a[-1, ...])
print(np.argwhere(a % 70 == 0).tolist())
