rows = [list(map(int, line.split())) for line in __import__('sys').stdin if line.strip()]
cols = list(zip(*rows))
print([sum(c) for c in cols])
print([max(r) for r in rows])
print(list(map(list, zip(*rows[::-1]))))
