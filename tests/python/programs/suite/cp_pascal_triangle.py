n = int(input())
row = [1]
rows = []
for _ in range(n):
    rows.append(row)
    row = [a + b for a, b in zip([0] + row, row + [0])]
w = len(" ".join(map(str, rows[-1])))
for r in rows:
    print(" ".join(map(str, r)).center(w).rstrip())
print(sum(rows[-1]), 2 ** (n - 1))
