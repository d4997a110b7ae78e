from functools import total_ordering
from fractions import Fraction

@total_ordering
class Money:
    __slots__ = ("cents",)
    def __init__(self, cents):
        self.cents = int(cents)
    def __add__(self, o):
        return Money(self.cents + o.cents)
    def __radd__(self, o):
        return self if o == 0 else self + o
    def __mul__(self, k):
        return Money(self.cents * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return isinstance(o, Money) and self.cents == o.cents
    def __lt__(self, o):
        return self.cents < o.cents
    def __hash__(self):
        return hash(self.cents)
    def __bool__(self):
        return self.cents != 0
    def __format__(self, spec):
        return format(self.cents / 100, spec or ".2f")
    def __repr__(self):
        return f"Money({self.cents})"

wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet), max(wallet), sorted(wallet), 3 * Money(10))
print(f"{sum(wallet)}|{Money(1999):>10.1f}|", bool(Money(0)), Money(5) <= Money(5))
print(Fraction(3, 4) + Fraction(1, 6), Fraction("0.125"), Fraction(7, 3).limit_denominator(2))
