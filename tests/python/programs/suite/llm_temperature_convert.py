def c_to_f(c: float) -> float:
    return c * 9 / 5 + 32

def f_to_c(f: float) -> float:
    return (f - 32) * 5 / 9

for line in __import__("sys").stdin:
    value, unit = line.split()
    v = float(value)
    if unit.upper() == "C":
        print(f"{v:.1f}C = {c_to_f(v):.1f}F")
    elif unit.upper() == "F":
        print(f"{v:.1f}F = {f_to_c(v):.1f}C")
    else:
        print(f"unknown unit {unit!r}")
