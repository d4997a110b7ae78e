import sys
from operator import itemgetter
records = []
for line in sys.stdin:
    name, age, city = line.split(",")
    records.append((name.strip(), int(age), city.strip()))
print(sorted(records, key=itemgetter(1)))
print(sorted(records, key=lambda r: (r[2], -r[1])))
print(min(records, key=lambda r: r[1])[0], max(records, key=itemgetter(1, 0)))
by_city = {}
for n, a, c in records:
    by_city.setdefault(c, []).append(n)
for c in sorted(by_city):
    print(f"{c:>8}: {', '.join(sorted(by_city[c]))}")
records.sort(key=itemgetter(0), reverse=True)
print([r[0] for r in records])
