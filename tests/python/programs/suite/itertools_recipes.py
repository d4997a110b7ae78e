from itertools import groupby, accumulate, chain, zip_longest, count, cycle, islice, starmap, pairwise, compress, filterfalse, dropwhile, tee
import operator
data = "aaabccddddde"
print([(k, len(list(g))) for k, g in groupby(data)])
print(list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4], max)))
print(list(chain.from_iterable([[1], [2, 3], []])), list(chain("ab", [1])))
print(list(zip_longest("abc", [1], fillvalue="-")))
print(list(islice(count(10, 5), 4)), list(islice(cycle("xy"), 5)))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(pairwise([1, 2, 4, 7])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(filterfalse(str.isdigit, "a1b2")))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
a, b = tee(range(3))
print(list(a), list(b), isinstance(chain(), chain))
