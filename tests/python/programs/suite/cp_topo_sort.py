from collections import defaultdict, deque
n, m = map(int, input().split())
g = defaultdict(list)
indeg = [0] * (n + 1)
for _ in range(m):
    a, b = map(int, input().split())
    g[a].append(b)
    indeg[b] += 1
q = deque(sorted(i for i in range(1, n + 1) if indeg[i] == 0))
order = []
while q:
    u = q.popleft()
    order.append(u)
    for v in sorted(g[u]):
        indeg[v] -= 1
        if indeg[v] == 0:
            q.append(v)
print(*order if len(order) == n else ["cycle"])
