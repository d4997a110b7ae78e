lines = []
while True:
    try:
        lines.append(input())
    except EOFError:
        break
print(len(lines), lines[-1] if lines else None)
print(repr(input.__name__))
