from decimal import Decimal, getcontext, ROUND_HALF_UP, localcontext
getcontext().prec = 30
prices = [Decimal(x) for x in input().split()]
total = sum(prices, Decimal("0"))
tax = (total * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(total, tax, total + tax)
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7))
print(Decimal("1.10") + Decimal("2.20") == Decimal("3.30"), 0.1 + 0.2 == 0.3)
print(Decimal("2").sqrt(), Decimal("10").ln().quantize(Decimal("1e-10")))
