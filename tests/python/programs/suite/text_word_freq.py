import re
import sys
from collections import Counter
text = sys.stdin.read().lower()
words = re.findall(r"[a-z']+", text)
freq = Counter(words)
for word, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print(f"{word:10} {n:3} {'#' * n}")
print(len(words), len(freq), max(words, key=len))
sentences = [s.strip() for s in re.split(r"[.!?]+", text) if s.strip()]
print(len(sentences), [len(s.split()) for s in sentences])
