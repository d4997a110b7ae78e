from functools import lru_cache
import sys
sys.setrecursionlimit(5000)
@lru_cache(maxsize=None)
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)
@lru_cache(None)
def collatz(n):
    return 1 if n == 1 else 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
print(count_paths(16, 16))
best = max(range(1, 10000), key=collatz)
print(best, collatz(best))
print(count_paths.cache_info().hits > 0)
