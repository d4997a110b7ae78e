import pandas as pd

idx = pd.to_datetime(["2024-01-01 00:00", "2024-01-01 00:30", "2024-01-01 01:15", "2024-01-01 03:00",
                      "2024-01-01 03:10", "2024-01-02 00:00"])
s = pd.Series([1, 2, 3, 4, 5, 6], index=idx)
print(s.rolling("1h").sum())
print(s.resample("2h").agg(["sum", "count"]))
print(s.resample("D").mean())
print(s.asfreq("45min").head(4))
print(s.index.to_series().diff().dt.total_seconds().tolist())
print(s.between_time("00:15", "03:05"))
df = pd.DataFrame({"when": idx, "v": range(6)})
print(df.groupby(df.when.dt.date).v.sum())
print(df.when.dt.strftime("%H:%M").tolist(), df.when.dt.hour.tolist())
