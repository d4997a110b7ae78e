import numpy as np

x = np.array([1.0, np.nan, 3.0, -1.0, 5.0])
m = np.ma.masked_invalid(x)
print(m, m.mean(), m.sum(), m.count())
m2 = np.ma.masked_less(x, 0)
print(m2, m2.filled(0))
print(np.nanmean(x), np.nanmax(x), np.nanargmin(x), np.nanstd(x).round(10))
with np.errstate(divide="ignore", invalid="ignore"):
    print(np.array([1.0, 0.0, -1.0]) / 0.0)
print(np.nan_to_num(np.array([np.nan, np.inf, -np.inf]), posinf=9.0, neginf=-9.0))
print(np.isclose([1.0, 1.0 + 1e-9], [1.0, 1.0]), np.array_equal([1, 2], [1, 2]))
