import pandas as pd

print(pd.DataFrame({'a': range(1000)}).a.sum())
df = pd.DataFrame({"a": range(1000), "b": [i % 7 for i in range(1000)]})
print(df.groupby("b").a.agg(["sum", "count", "mean"]))
print(df.a.sum(), df.a.mean(), df.a.std().round(8), df.b.value_counts().sort_index().tolist())
print(df.memory_usage(index=False).tolist(), df.a.dtype, df.b.dtype)
