n = int(input())
iv = sorted(tuple(map(int, input().split())) for _ in range(n))
merged = []
for s, e in iv:
    if merged and s <= merged[-1][1]:
        merged[-1][1] = max(merged[-1][1], e)
    else:
        merged.append([s, e])
print(len(merged))
for s, e in merged:
    print(s, e)
