import sys
from collections import defaultdict
rows = [line.rstrip("\n").split(",") for line in sys.stdin]
header, data = rows[0], rows[1:]
idx = {h: i for i, h in enumerate(header)}
totals = defaultdict(float)
counts = defaultdict(int)
for r in data:
    totals[r[idx["region"]]] += float(r[idx["sales"]])
    counts[r[idx["region"]]] += 1
print(f"{'region':<8}{'total':>10}{'avg':>10}")
for region in sorted(totals):
    print(f"{region:<8}{totals[region]:>10.2f}{totals[region] / counts[region]:>10.2f}")
best = max(totals, key=totals.get)
print("best:", best)
