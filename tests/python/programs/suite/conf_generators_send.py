def averager():
    total = 0.0
    n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return n
        total += x
        n += 1
        avg = total / n
g = averager()
next(g)
for v in [10, 20, 30.5]:
    print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("done", e.value)
def chain(*its):
    for it in its:
        r = yield from it
    return "end"
print(list(chain([1, 2], (3,), "ab")))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = gen()
print(next(g))
g.close()
import itertools
print(list(itertools.islice(itertools.count(5, 3), 4)), list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(itertools.pairwise("abcd")), list(itertools.combinations_with_replacement("ab", 2)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print([(k, len(list(v))) for k, v in itertools.groupby("aaabccdd")], list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.product(range(2), repeat=3))[:5], list(itertools.compress("abcdef", [1, 0, 1])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
