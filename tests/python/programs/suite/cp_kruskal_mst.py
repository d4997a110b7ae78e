import sys
def find(p, x):
    root = x
    while p[root] != root:
        root = p[root]
    while p[x] != root:
        p[x], x = root, p[x]
    return root
data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
edges = sorted((int(data[2 + 3 * i + 2]), int(data[2 + 3 * i]), int(data[2 + 3 * i + 1])) for i in range(m))
parent = list(range(n))
total, used = 0, []
for w, u, v in edges:
    ru, rv = find(parent, u), find(parent, v)
    if ru != rv:
        parent[ru] = rv
        total += w
        used.append((u, v))
print(total, used)
