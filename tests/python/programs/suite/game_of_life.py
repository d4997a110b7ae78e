def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    counts[(x + dx, y + dy)] = counts.get((x + dx, y + dy), 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
lines = __import__("sys").stdin.read().split("\n")
gens = int(lines[0])
live = {(x, y) for y, row in enumerate(lines[1:]) for x, ch in enumerate(row) if ch == "#"}
for _ in range(gens):
    live = step(live)
xs = [x for x, _ in live]; ys = [y for _, y in live]
for y in range(min(ys), max(ys) + 1):
    print("".join("#" if (x, y) in live else "." for x in range(min(xs), max(xs) + 1)))
print(len(live))
