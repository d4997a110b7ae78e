results = []
while True:
    try:
        line = input()
    except EOFError:
        break
    a, op, b = line.split()
    a, b = int(a), int(b)
    ops = {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else float("nan")}
    results.append(f"{line} = {ops[op]}")
print("\n".join(results))
