n, m, src = map(int, input().split())
edges = [tuple(map(int, input().split())) for _ in range(m)]
INF = 10**18
dist = [INF] * n
dist[src] = 0
for _ in range(n - 1):
    changed = False
    for u, v, w in edges:
        if dist[u] != INF and dist[u] + w < dist[v]:
            dist[v] = dist[u] + w
            changed = True
    if not changed:
        break
neg = any(dist[u] != INF and dist[u] + w < dist[v] for u, v, w in edges)
print(dist, "negative cycle" if neg else "ok")
