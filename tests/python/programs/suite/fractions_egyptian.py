from fractions import Fraction
import math
def egyptian(fr):
    out = []
    while fr.numerator:
        d = math.ceil(fr.denominator / fr.numerator)
        out.append(Fraction(1, d))
        fr -= Fraction(1, d)
    return out
for s in input().split():
    f = Fraction(s)
    parts = egyptian(f)
    print(f, "=", " + ".join(str(p) for p in parts), sum(parts) == f)
print(Fraction(1, 3) ** 2, float(Fraction(22, 7)), Fraction(0.75), round(Fraction(7, 2)))
