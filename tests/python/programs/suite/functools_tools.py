from functools import reduce, partial, wraps, cmp_to_key, cached_property, singledispatch
import time
def timed(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@timed
def add(a, b):
    "Add two numbers."
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))
pow2 = partial(pow, 2)
print(pow2(10), reduce(lambda a, b: a * 10 + b, [1, 2, 3]))
def cmp(a, b):
    return (a > b) - (a < b) if len(a) == len(b) else len(a) - len(b)
print(sorted(["ccc", "a", "bb", "ab"], key=cmp_to_key(cmp)))
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing")
        return 3.14159 * self.r ** 2
c = Circle(2)
print(c.area, c.area)
@singledispatch
def show(x):
    return f"obj {x}"
@show.register
def _(x: int):
    return f"int {x}"
@show.register(list)
def _(x):
    return f"list of {len(x)}"
print(show(1), show([1, 2]), show("s"))
