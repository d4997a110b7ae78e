from itertools import permutations, combinations, product
s = input().strip()
perms = sorted(set(''.join(p) for p in permutations(s)))
print(len(perms), perms[:5])
print(list(combinations(range(5), 3))[:4])
print(sum(1 for p in product(range(3), repeat=4) if sum(p) == 4))
