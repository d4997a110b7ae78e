import io

import pandas as pd

df = pd.DataFrame({"id": [1, 2, 3], "name": ["a,b", 'say "hi"', "plain"], "val": [1.5, None, -2.25],
                   "when": pd.to_datetime(["2024-01-01", "2024-02-29", "2024-12-31"])})
buf = io.StringIO()
df.to_csv(buf, index=False)
text = buf.getvalue()
print(text, end="")
back = pd.read_csv(io.StringIO(text), parse_dates=["when"])
print(back)
print(back.dtypes)
print(back.equals(df))
print(df.to_csv(sep=";", index=False, float_format="%.3f", na_rep="NA"), end="")
print(df.to_json(orient="records", date_format="iso"))
print(pd.read_json(io.StringIO('[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]')))
