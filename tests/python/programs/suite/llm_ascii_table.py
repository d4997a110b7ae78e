rows = [line.rstrip("\n").split("|") for line in __import__("sys").stdin if line.strip()]
widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(sep)
for k, r in enumerate(rows):
    cells = []
    for i, (c, w) in enumerate(zip(r, widths)):
        cells.append(f" {c:>{w}} " if c.replace(".", "").isdigit() else f" {c:<{w}} ")
    print("|" + "|".join(cells) + "|")
    if k == 0:
        print(sep)
print(sep)
