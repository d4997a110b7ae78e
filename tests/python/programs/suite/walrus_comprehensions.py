import re
data = ["a=1", "b=22", "junk", "c=333"]
pairs = {m[1]: int(m[2]) for s in data if (m := re.match(r"(\w)=(\d+)", s))}
print(pairs)
matrix = [[i * j for j in range(1, 5)] for i in range(1, 4)]
print(matrix, [x for row in matrix for x in row if x % 2 == 0])
print({x % 3 for x in range(10)}, {k: v for k, v in zip("abc", range(3))})
print(sum(x * x for x in range(101)), any(x > 99 for x in range(100)), all([]))
n = 0
while (n := n + 1) < 5:
    print(n, end=" ")
print()
print([(i, c) for i, c in enumerate("hey", start=1)], list(map(lambda t: t[0] * t[1], [(2, 3), (4, 5)])))
print(sorted(["banana", "Apple", "cherry"], key=str.lower), sorted([3, 1, 2], reverse=True))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
