import pandas as pd

s = pd.Series(["lo", "hi", "mid", "lo", "hi", "hi"], dtype=pd.CategoricalDtype(["lo", "mid", "hi"], ordered=True))
print(s)
print(s.cat.codes.tolist(), s.cat.categories.tolist())
print(s.sort_values().tolist(), (s > "lo").tolist())
print(s.value_counts(sort=False))
df = pd.DataFrame({"lvl": s, "v": range(6)})
print(df.groupby("lvl", observed=False).v.sum())
print(s.cat.rename_categories({"lo": "low"}).tolist())
print(s.describe())
