grid = [line.strip() for line in __import__("sys").stdin if line.strip()]
h, w = len(grid), len(grid[0])
dp = [[0] * w for _ in range(h)]
dp[0][0] = 1 if grid[0][0] == "." else 0
for i in range(h):
    for j in range(w):
        if grid[i][j] == "#":
            dp[i][j] = 0
            continue
        if i:
            dp[i][j] += dp[i - 1][j]
        if j:
            dp[i][j] += dp[i][j - 1]
print(dp[-1][-1])
for row in dp:
    print(*row)
