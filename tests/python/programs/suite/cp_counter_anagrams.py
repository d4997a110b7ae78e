from collections import Counter
import sys
words = sys.stdin.read().split()
groups = {}
for w in words:
    groups.setdefault(''.join(sorted(w)), []).append(w)
for key in sorted(groups):
    print(key, sorted(groups[key]))
c = Counter(''.join(words))
print(c.most_common(3))
