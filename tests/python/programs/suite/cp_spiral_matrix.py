n = int(input())
m = [[0] * n for _ in range(n)]
r = c = 0
dr, dc = 0, 1
for k in range(1, n * n + 1):
    m[r][c] = k
    nr, nc = r + dr, c + dc
    if not (0 <= nr < n and 0 <= nc < n and m[nr][nc] == 0):
        dr, dc = dc, -dr
        nr, nc = r + dr, c + dc
    r, c = nr, nc
width = len(str(n * n))
for row in m:
    print(" ".join(str(x).rjust(width) for x in row))
print(sum(m[i][i] for i in range(n)))
