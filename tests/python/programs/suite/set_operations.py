a = set(map(int, input().split()))
b = set(map(int, input().split()))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= b, a.isdisjoint({100}), len(a), max(a), min(b))
fs = frozenset(a & b)
print(sorted(fs), hash(fs) == hash(frozenset(sorted(fs))), {fs: "key"}[fs])
c = a.copy()
c.add(42); c.discard(1); c -= {2}
print(sorted(c), sorted({x % 4 for x in a}))
