from bisect import bisect_left, bisect_right
from typing import Sequence

class SortedList:
    def __init__(self, items: Sequence[int] = ()):
        self._a = sorted(items)
    def add(self, x: int) -> None:
        self._a.insert(bisect_left(self._a, x), x)
    def count(self, x: int) -> int:
        return bisect_right(self._a, x) - bisect_left(self._a, x)
    def range_count(self, lo: int, hi: int) -> int:
        return bisect_right(self._a, hi) - bisect_left(self._a, lo)
    def __getitem__(self, i):
        return self._a[i]
    def __len__(self):
        return len(self._a)
    def __repr__(self):
        return f"SortedList({self._a})"

s = SortedList([5, 1, 3, 3, 9])
s.add(4); s.add(3)
print(s, s.count(3), s.range_count(2, 5), s[0], s[-1], len(s))
