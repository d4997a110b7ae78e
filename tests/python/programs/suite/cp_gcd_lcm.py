import math
from functools import reduce
t = int(input())
for _ in range(t):
    nums = list(map(int, input().split()))
    g = reduce(math.gcd, nums)
    l = reduce(lambda a, b: a * b // math.gcd(a, b), nums)
    print(g, l, math.lcm(*nums) == l)
