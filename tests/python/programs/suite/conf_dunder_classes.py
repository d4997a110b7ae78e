import functools
@functools.total_ordering
class Money:
    __slots__ = ("cents",)
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents / 100:.2f})"
    def __str__(self):
        return f"${self.cents / 100:,.2f}"
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __hash__(self):
        return hash(self.cents)
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    __radd__ = __add__
    def __bool__(self):
        return self.cents != 0
    def __format__(self, spec):
        return format(str(self), spec)
ms = [Money(150), Money(99), Money(123456), Money(0)]
print(sorted(ms), max(ms), sum(ms), [bool(m) for m in ms], Money(1) >= Money(1), len({Money(5), Money(5)}))
print(f"{ms[2]:>15}|{ms[1]!r}|{ms[0]!s}")
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __iter__(self):
        return iter(self.rows)
    def __len__(self):
        return len(self.rows)
    def __contains__(self, v):
        return any(v in r for r in self.rows)
    def __call__(self, k):
        return Matrix([[k * x for x in r] for r in self.rows])
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 5
print(m @ m, m[1, 0], len(m), 5 in m, 9 in m, m(2), list(m))
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as c:
    raise KeyError("swallowed")
print("after", type(c).__name__)
class Vec:
    def __init__(self, *xs): self.xs = xs
    def __neg__(self): return Vec(*(-x for x in self.xs))
    def __abs__(self): return sum(x * x for x in self.xs) ** 0.5
    def __mul__(self, k): return Vec(*(k * x for x in self.xs))
    def __rmul__(self, k): return self * k
    def __iadd__(self, o):
        self.xs = tuple(a + b for a, b in zip(self.xs, o.xs))
        return self
    def __repr__(self): return f"Vec{self.xs}"
v = Vec(3, 4)
v += Vec(1, 1)
print(-v, abs(Vec(3, 4)), 2 * v, v * 3)
