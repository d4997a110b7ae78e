import sys
def main():
    coins = list(map(int, sys.stdin.readline().split()))
    targets = list(map(int, sys.stdin.readline().split()))
    M = max(targets)
    INF = 10**9
    dp = [0] + [INF] * M
    for v in range(1, M + 1):
        for c in coins:
            if c <= v and dp[v - c] + 1 < dp[v]:
                dp[v] = dp[v - c] + 1
    ways = [1] + [0] * M
    for c in coins:
        for v in range(c, M + 1):
            ways[v] += ways[v - c]
    for t in targets:
        print(t, dp[t] if dp[t] < INF else -1, ways[t])
main()
