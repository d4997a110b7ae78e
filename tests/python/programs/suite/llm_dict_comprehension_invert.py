grades = {"ann": "A", "bob": "B", "cy": "A", "dee": "C", "eve": "B"}
inverted = {}
for name, g in grades.items():
    inverted.setdefault(g, []).append(name)
print(inverted)
print({g: len(ns) for g, ns in sorted(inverted.items())})
squares = {n: n * n for n in range(6) if n % 2 == 0}
print(squares, list(squares.keys()), sum(squares.values()))
merged = {**squares, **{10: 100}, 0: "zero"}
print(merged, merged | {"x": 1})
print(dict(zip("abc", [1, 2, 3])), dict.fromkeys("xy", 0))
