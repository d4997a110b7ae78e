import sys

import pandas as pd

df = pd.read_csv(sys.stdin)
print(df)
print(df.groupby("region").sales.agg(["count", "sum", "mean"]).round(2))
print(df.sort_values(["region", "sales"], ascending=[True, False]).head(3))
print(df.sales.quantile([0.25, 0.5, 0.75]))
