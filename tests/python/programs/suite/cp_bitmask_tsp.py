import sys
def solve():
    n = int(sys.stdin.readline())
    d = [list(map(int, sys.stdin.readline().split())) for _ in range(n)]
    INF = float('inf')
    dp = [[INF] * n for _ in range(1 << n)]
    dp[1][0] = 0
    for mask in range(1 << n):
        for u in range(n):
            if dp[mask][u] == INF or not mask >> u & 1:
                continue
            for v in range(n):
                if not mask >> v & 1:
                    nm = mask | 1 << v
                    dp[nm][v] = min(dp[nm][v], dp[mask][u] + d[u][v])
    return min(dp[(1 << n) - 1][u] + d[u][0] for u in range(n))
print(solve())
