import sys
text = sys.stdin.read()
print(len(text), len(text.encode()), text.upper())
for w in text.split():
    print(w, w[::-1], len(w))
print(sorted(text.split()), max(text.split(), key=len))
