import numpy as np

x = np.arange(1, 6, dtype=np.float64)
y = x[:, None] * x[None, :]
print(y)
print(np.sqrt(x))
print(np.exp(x).round(4))
print(np.log(x).round(6))
print(np.sin(x * np.pi / 6).round(6))
print(np.maximum(x, 3), np.minimum.reduce(x), np.add.accumulate(x))
print(np.where(x > 2, x, -x))
print(np.clip(x, 2, 4))
print(np.power(2.0, x), np.mod(np.arange(10), 3))
print(np.hypot(3.0, 4.0), np.arctan2(1.0, 1.0))
print(np.divide(1.0, np.array([1.0, 2.0, 4.0, 8.0])))
