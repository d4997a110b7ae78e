import sys
first = sys.stdin.readline()
n = int(first)
rows = [sys.stdin.readline().split() for _ in range(n)]
rest = sys.stdin.readlines()
print(n, rows, rest)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
