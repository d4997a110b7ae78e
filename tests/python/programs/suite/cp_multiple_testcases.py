import sys
input = sys.stdin.readline
def solve():
    n = int(input())
    a = list(map(int, input().split()))
    if sorted(a) == a:
        return "YES"
    return "NO" if len(set(a)) == n else "MAYBE"
t = int(input())
print("\n".join(solve() for _ in range(t)))
