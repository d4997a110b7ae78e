def parse(line):
    return int(line)
total = 0
for line in ["1", "2", "3"]:
    total += parse(line)
print(total)
import sys
print("ok", file=sys.stderr)
