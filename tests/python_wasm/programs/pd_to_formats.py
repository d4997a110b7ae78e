import pandas as pd

df = pd.DataFrame({"n": ["a", "b"], "x": [1.25, 3.5], "k": [1, 2]})
print(df.to_dict())
print(df.to_dict(orient="records"))
print(df.to_dict(orient="list"))
print(df.to_records(index=False))
print(df.to_numpy())
print(df.values.tolist())
print(df.to_html(index=False))
print(repr(df.to_string(header=False)))
print(df.to_json(orient="split"))
