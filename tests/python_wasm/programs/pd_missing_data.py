import numpy as np
import pandas as pd

df = pd.DataFrame({"a": [1.0, np.nan, 3.0, np.nan], "b": [None, "x", "y", None], "c": [1, 2, 3, 4]})
print(df.isna())
print(df.isna().sum())
print(df.dropna())
print(df.dropna(subset=["a"]))
print(df.fillna({"a": 0.0, "b": "?"}))
print(df.a.ffill().tolist(), df.a.bfill().tolist(), df.a.interpolate().tolist())
print(df.a.mean(), df.a.sum(), df.a.count())
print(pd.Series([1, None, 3], dtype="Int64"))
print(pd.NA, pd.NaT, pd.isna(pd.NA))
print(df.where(df.c > 2))
