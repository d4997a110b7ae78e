import pandas as pd

df = pd.DataFrame({"team": ["a", "b", "a", "c", "b", "a", "c"], "pts": [10, 7, 3, 12, 9, 4, 6],
                   "ast": [1, 4, 2, 0, 3, 5, 2]})
g = df.groupby("team")
print(g.pts.sum())
print(g.agg({"pts": ["sum", "mean", "max"], "ast": "min"}))
print(g.agg(total=("pts", "sum"), best=("pts", "max"), n=("ast", "size")))
print(g.size())
print(df.groupby("team", as_index=False).pts.mean())
print(g.pts.transform("mean").round(4))
print(g.filter(lambda x: x.pts.sum() > 17))
print(g.pts.apply(lambda s: s.max() - s.min()))
print(g.cumcount().tolist(), g.pts.cumsum().tolist(), g.pts.rank().tolist())
print(df.groupby("team").pts.nlargest(1))
