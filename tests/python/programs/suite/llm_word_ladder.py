from collections import deque
from string import ascii_lowercase

def ladder(begin, end, words):
    words = set(words)
    if end not in words:
        return 0
    q = deque([(begin, 1)])
    seen = {begin}
    while q:
        w, d = q.popleft()
        if w == end:
            return d
        for i in range(len(w)):
            for c in ascii_lowercase:
                nw = w[:i] + c + w[i + 1:]
                if nw in words and nw not in seen:
                    seen.add(nw)
                    q.append((nw, d + 1))
    return 0

print(ladder("hit", "cog", ["hot", "dot", "dog", "lot", "log", "cog"]))
print(ladder("hit", "cog", ["hot", "dot", "dog", "lot", "log"]))
