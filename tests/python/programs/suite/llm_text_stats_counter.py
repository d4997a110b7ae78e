import sys
from collections import Counter
import string

text = sys.stdin.read()
letters = Counter(c for c in text.lower() if c in string.ascii_lowercase)
total = sum(letters.values())
print(f"characters: {len(text)}, letters: {total}, lines: {text.count(chr(10))}")
for ch, n in letters.most_common(5):
    print(f"{ch}: {n:3d} ({n / total:6.2%})")
vowels = sum(letters[v] for v in "aeiou")
print(f"vowel ratio: {vowels / total:.3f}")
