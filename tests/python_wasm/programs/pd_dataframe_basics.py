import pandas as pd

df = pd.DataFrame({"name": ["ann", "bob", "cy", "dee"], "age": [31, 25, 40, 35],
                   "score": [88.5, 92.0, 79.25, 85.0]})
print(df)
print(df.dtypes)
print(df.shape, list(df.columns), df.index.tolist())
print(df.head(2))
print(df.tail(1))
print(df[df.age > 30])
print(df.sort_values("score", ascending=False))
print(df.loc[1, "name"], df.iloc[2, 2], df.at[3, "age"])
df["passed"] = df.score >= 85
df = df.assign(ratio=lambda d: (d.score / d.age).round(3))
print(df)
print(df.T)
print(df.to_string(index=False))
