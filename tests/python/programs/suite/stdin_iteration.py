import sys
total = 0
lines = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        continue
    lines += 1
    total += sum(int(x) for x in line.split())
print(lines, total)
