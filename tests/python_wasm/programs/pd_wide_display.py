import numpy as np
import pandas as pd

df = pd.DataFrame(np.arange(300).reshape(20, 15) * 1.5, columns=[f"col_{i}" for i in range(15)])
print(df)
with pd.option_context("display.max_rows", 6, "display.max_columns", 5, "display.precision", 2):
    print(df / 7)
print(pd.Series(np.arange(100)))
print(pd.DataFrame({"a": [1.123456789, 1234567.891, 1e-8]}))
print(pd.DataFrame({"s": ["x" * 60, "y"]}))
