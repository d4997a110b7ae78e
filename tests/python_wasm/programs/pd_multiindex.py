import pandas as pd

idx = pd.MultiIndex.from_product([["a", "b"], [1, 2, 3]], names=["letter", "num"])
s = pd.Series(range(6), index=idx)
print(s)
print(s.loc["b"])
print(s.xs(2, level="num"))
print(s.groupby(level="letter").sum())
df = s.to_frame("v").reset_index()
print(df)
print(s.swaplevel().sort_index())
print(pd.MultiIndex.from_tuples([("x", 1), ("y", 2)]))
