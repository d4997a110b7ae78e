vals = [0.1 + 0.2, 1e-7, 1e16, -0.0, float("inf"), 2 ** 0.5, 1 / 3, 123456789.125]
for v in vals:
    print(repr(v), str(v), f"{v:.3g}", f"{v:e}", round(v, 2) if v == v and abs(v) != float("inf") else v)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), format(1234.5, ","), format(0.000123, ".2%"))
print(int(3.99), int(-3.99), float("1e3"), complex("1+2j"), (7).bit_length(), (255).to_bytes(2, "big"))
print(10 ** 20 // 3, -(10 ** 20) // 7, divmod(10 ** 20, 97), abs(-5), 0o17, 0xff, 0b1010, 1_000_000)
