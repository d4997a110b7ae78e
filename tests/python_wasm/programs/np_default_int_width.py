import numpy as np
import pandas as pd

# numpy's default integer is the C ssize_t: 64 bits on x86-64, 32 on wasm32 (see test_numpy_pandas.py)
print(np.dtype(int).itemsize * 8, np.arange(3).dtype.itemsize * 8)
print(np.arange(100000).sum())
print(np.arange(100000, dtype=np.int64).sum(), np.arange(100000).sum(dtype=np.int64))
print(pd.Series(range(100000)).sum(), pd.Series(range(3)).dtype)
print(np.array([2**40]).dtype, np.array([2**40]) * 2)
