import pandas as pd

left = pd.DataFrame({"k": ["a", "b", "c", "d"], "v1": [1, 2, 3, 4]})
right = pd.DataFrame({"k": ["b", "d", "e"], "v2": [20, 40, 50]})
print(pd.merge(left, right, on="k"))
print(pd.merge(left, right, on="k", how="left"))
print(pd.merge(left, right, on="k", how="outer", indicator=True))
print(left.set_index("k").join(right.set_index("k"), how="inner"))
print(pd.concat([left, right], ignore_index=True))
print(pd.concat([left, right], axis=1))
print(pd.concat({"L": left, "R": right}))
a = pd.DataFrame({"t": [1, 5, 10], "x": ["p", "q", "r"]})
b = pd.DataFrame({"t": [2, 6, 9], "y": [0.1, 0.2, 0.3]})
print(pd.merge_asof(b, a, on="t"))
