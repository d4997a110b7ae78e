import sys
sys.setrecursionlimit(100000)
grid = [list(line.strip()) for line in sys.stdin if line.strip()]
H, W = len(grid), len(grid[0])
def fill(i, j):
    if not (0 <= i < H and 0 <= j < W) or grid[i][j] != "1":
        return 0
    grid[i][j] = "x"
    return 1 + sum(fill(i + di, j + dj) for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)))
sizes = sorted((fill(i, j) for i in range(H) for j in range(W) if grid[i][j] == "1"), reverse=True)
print(len(sizes), sizes)
