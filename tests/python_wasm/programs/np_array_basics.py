import numpy as np

a = np.arange(12).reshape(3, 4)
print(a)
print(a.shape, a.ndim, a.size)
print(a.T)
print(a[1], a[:, 2], a[1:, ::2])
print(a.sum(), a.sum(axis=0), a.sum(axis=1))
print(a.min(), a.max(), a.argmax(), a.mean(), a.mean(axis=0))
print(a.cumsum())
print(np.linspace(0, 1, 5))
print(np.zeros((2, 3)), np.ones(3, dtype=np.int8), np.full((2, 2), 7.5))
print(np.eye(3))
print(a.ravel()[::-1])
