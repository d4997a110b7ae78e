import io

import pandas as pd

df = pd.DataFrame({"x": [1.0, 2.5, 3.5, 4.0, 10.0], "y": [5, 3, 8, 1, 9], "g": list("abcab")})
print(df.describe())
print(df.describe(include="all"))
print(df.x.describe())
buf = io.StringIO()
df.info(buf=buf, memory_usage=False)
print(buf.getvalue())
print(df.g.value_counts())
print(df.nunique())
