import sys
data = sys.stdin.read().split()
n = int(data[0]); k = int(data[1])
a = list(map(int, data[2:2 + n]))
seen = {}
count = 0
for x in a:
    count += seen.get(k - x, 0)
    seen[x] = seen.get(x, 0) + 1
print(count)
