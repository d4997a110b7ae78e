from collections import deque
import sys
lines = sys.stdin.read().splitlines()
h, w = map(int, lines[0].split())
grid = lines[1:1 + h]
start = end = None
for i, row in enumerate(grid):
    for j, c in enumerate(row):
        if c == 'S':
            start = (i, j)
        elif c == 'E':
            end = (i, j)
dist = {start: 0}
q = deque([start])
while q:
    i, j = q.popleft()
    for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        ni, nj = i + di, j + dj
        if 0 <= ni < h and 0 <= nj < w and grid[ni][nj] != '#' and (ni, nj) not in dist:
            dist[(ni, nj)] = dist[(i, j)] + 1
            q.append((ni, nj))
print(dist.get(end, -1))
