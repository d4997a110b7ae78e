import pandas as pd

df = pd.DataFrame({"a": [1, 2, 3], "b": [10, 20, 30]})
print(df.apply(sum))
print(df.apply(lambda r: r.a * r.b, axis=1))
print(df.map(lambda v: v * 2))
print(df.a.map({1: "one", 2: "two"}))
print(df.agg(["min", "max", "sum"]))
print(df.pipe(lambda d: d.assign(c=d.a + d.b)))
print(df.eval("c = a * 2 + b"))
print(df.query("b > 10 and a < 3"))
print(df.a.between(2, 3).tolist(), df.b.clip(15, 25).tolist())
print(pd.cut(pd.Series([1, 5, 7, 10, 15]), bins=[0, 5, 10, 20]))
print(pd.qcut(pd.Series(range(8)), 4, labels=False).tolist())
