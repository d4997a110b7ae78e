import pandas as pd

s = pd.Series([1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 8.0, 7.0, 9.0, 10.0])
print(s.rolling(3).mean())
print(s.rolling(3, min_periods=1).sum().tolist())
print(s.rolling(4).std().round(6).tolist())
print(s.expanding().max().tolist())
print(s.ewm(span=3, adjust=False).mean().round(6).tolist())
print(s.diff().tolist(), s.pct_change().round(6).tolist())
print(s.shift(2).tolist(), s.cumprod().tolist())
df = pd.DataFrame({"a": range(6), "b": [2, 4, 6, 8, 10, 12]})
print(df.rolling(2).agg(["sum", "max"]))
print(s.rolling(3, center=True).median().tolist())
