import pandas as pd

df = pd.DataFrame({"k": ["b", "a", "c", "a", "b"], "v": [2, 1, 3, 1, 5], "w": [0.5, 0.25, 0.75, 0.25, 0.1]})
print(df.duplicated().tolist(), df.duplicated(subset=["k"], keep="last").tolist())
print(df.drop_duplicates())
print(df.set_index("k").sort_index())
print(df.sort_values(["k", "v"], ascending=[False, True]).reset_index(drop=True))
print(df.nlargest(2, "v"), df.nsmallest(2, "w"))
print(df.rank(numeric_only=True))
print(df.set_index("k").index.is_unique, df.k.unique().tolist(), df.k.factorize()[0].tolist())
print(df.rename(columns={"v": "value"}).columns.tolist(), df.drop(columns="w").columns.tolist())
print(pd.Index([3, 1, 2]).sort_values(), pd.Index(list("abc")).difference(["b"]))
