import sys
total = 0
for lineno, line in enumerate(sys.stdin, 1):
    line = line.rstrip("\n")
    if not line:
        continue
    total += sum(int(x) for x in line.split())
    print(lineno, repr(line))
print("total", total)
