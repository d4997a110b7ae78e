import pandas as pd

td = pd.to_timedelta(["1 days 02:00:00", "3h", "45min", "-1D"])
print(td)
print(td.total_seconds().tolist(), td.sum(), td.mean(), td.sort_values())
p = pd.Period("2024Q1", freq="Q")
print(p, p.start_time, p.end_time, p + 3, p.asfreq("M", "end"))
pr = pd.period_range("2023-11", "2024-03", freq="M")
s = pd.Series([5, 6, 7, 8, 9], index=pr)
print(s)
print(s.to_timestamp())
print(pd.Timestamp("2024-01-01") - pd.Timestamp("2023-03-15 06:00"))
print(pd.Interval(0, 5, closed="left"), pd.interval_range(0, 3), 2 in pd.Interval(0, 5))
