import bisect
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
arr = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(arr, x)
print(arr, bisect.bisect_left(arr, 5), bisect.bisect_right(arr, 5))
import bisect as b
keys = [(1, "a"), (3, "c"), (5, "e")]
print(b.bisect_left(keys, (3,)), b.bisect_left([k for k, _ in keys], 4))
