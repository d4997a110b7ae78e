import sys
sys.setrecursionlimit(10000)
def find(p, x):
    while p[x] != x:
        p[x] = p[p[x]]
        x = p[x]
    return x
def main():
    n, m = map(int, input().split())
    parent = list(range(n))
    size = [1] * n
    for _ in range(m):
        a, b = map(int, input().split())
        ra, rb = find(parent, a), find(parent, b)
        if ra != rb:
            if size[ra] < size[rb]:
                ra, rb = rb, ra
            parent[rb] = ra
            size[ra] += size[rb]
    comps = sorted(size[i] for i in range(n) if find(parent, i) == i)
    print(len(comps), comps)
main()
