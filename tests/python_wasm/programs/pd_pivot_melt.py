import pandas as pd

df = pd.DataFrame({"date": ["d1", "d1", "d2", "d2", "d3"], "city": ["x", "y", "x", "y", "x"],
                   "temp": [20, 25, 21, 24, 19], "rain": [0.0, 1.5, 0.3, 0.0, 2.2]})
p = df.pivot(index="date", columns="city", values="temp")
print(p)
print(df.pivot_table(index="city", values=["temp", "rain"], aggfunc="mean"))
print(df.pivot_table(index="date", columns="city", values="rain", aggfunc="sum", fill_value=0, margins=True))
print(pd.crosstab(df.date, df.city))
long = p.reset_index().melt(id_vars="date", value_name="temp")
print(long)
st = df.set_index(["date", "city"]).temp
print(st.unstack())
print(st.unstack().stack())
print(pd.get_dummies(df.city, dtype=int))
