import sys
sys.setrecursionlimit(1 << 20)
def dfs(u, p, adj, depth):
    best = depth
    for v in adj[u]:
        if v != p:
            best = max(best, dfs(v, u, adj, depth + 1))
    return best
n = int(input())
adj = [[] for _ in range(n)]
for _ in range(n - 1):
    a, b = map(int, input().split())
    adj[a].append(b)
    adj[b].append(a)
print(dfs(0, -1, adj, 0))
