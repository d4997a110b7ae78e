import functools, time
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        r = fn(*args, **kwargs)
        print(f"{fn.__name__}({', '.join(map(repr, args))}{', ' if kwargs else ''}{', '.join(f'{k}={v!r}' for k, v in kwargs.items())}) -> {r!r}")
        return r
    return wrapper
@trace
def add(a, b=0, *, scale=1):
    """Add numbers."""
    return (a + b) * scale
add(1, 2)
add(3, b=4, scale=2)
print(add.__name__, add.__doc__, add.__wrapped__(1, 1))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache_info())
@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(50))
p = functools.partial(int, base=2)
print(p("1011"), functools.reduce(lambda a, b: a * b, range(1, 10)), p.func.__name__, p.keywords)
@functools.singledispatch
def show(x):
    return f"obj {x}"
@show.register
def _(x: int):
    return f"int {x}"
@show.register(list)
def _(x):
    return f"list of {len(x)}"
print(show(1), show([1, 2]), show("s"))
class K:
    @functools.cached_property
    def heavy(self):
        print("computing")
        return 42
    @staticmethod
    def s(): return "static"
    @classmethod
    def c(cls): return cls.__name__
k = K()
print(k.heavy, k.heavy, K.s(), K.c(), k.c())
