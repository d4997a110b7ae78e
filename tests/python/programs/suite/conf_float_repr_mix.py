vals = [0.1 + 0.2, 1e16, 1e-7, 123456789.123456789, 2.5, -0.0, float('inf'), float('nan'), 1/3, 1e22, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v), f"{v:.3g}", f"{v:e}", f"{v:10.4f}|", "%r %s %.2f" % (v, v, v))
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2))
print(f"{1234567.891:,.2f} {0.25:%} {0.125:.1%} {42:08.3f} {-3.14159:+.2e} {1e100:g}")
print(format(12345.6789, "_.2f"), format(255, "#x"), format(255, "#o"), format(255, "#b"), format(-255, "x"))
print(f"{'left':<10}|{'right':>10}|{'mid':^10}|{'fill':*^11}|")
print("%5d|%-5d|%05d|%x|%X|%o|%e|%g|%c|%%" % (42, 42, 42, 255, 255, 8, 12345.678, 0.00001234, 65))
print("%(name)s is %(age)03d" % {"name": "Bob", "age": 7})
