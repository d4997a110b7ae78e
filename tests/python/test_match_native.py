"""``match`` statements compute what CPython computes.

Every lookup a pattern makes is rewritten to go through the guards (class patterns get a stand-in
class, value patterns and mapping keys a guarded read; in a class body or exec code with its own
locals the class is evaluated just before the match): the program below runs in the sandbox and in
a native ``python3`` and must print the same, errors and side effects (how often a property runs)
included.
"""
import subprocess
import sys

PROGRAM = r'''
import collections, collections.abc, dataclasses, enum, fractions, typing

calls = []

@dataclasses.dataclass
class Point:
    x: int
    y: int
    @property
    def norm1(self):
        calls.append("norm1")
        return abs(self.x) + abs(self.y)

Pair = collections.namedtuple("Pair", "left right")

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Shape:
    __match_args__ = ("kind", "size")
    def __init__(self, kind, size=None):
        self.kind = kind
        if size is not None:
            self.size = size

class Sub(Point):
    pass

class Plain:
    pass

def describe(v):
    match v:
        case Point(0, 0):
            return "origin"
        case Sub(x, y) if x == y:
            return f"diagonal sub {x}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y, norm1=n) if n > 10:
            return f"far {x},{y} ({n})"
        case Point(x, y):
            return f"point {x},{y}"
        case Pair(Point(a, b), right=Pair(c, d)):
            return f"nested {a} {b} {c} {d}"
        case Pair(l, r):
            return f"pair {l!r} {r!r}"
        case Shape("circle", size=s):
            return f"circle {s}"
        case Shape(k):
            return f"shape {k}"
        case Color.RED:
            return "red"
        case Color():
            return f"color {v.name}"
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative {n}"
        case int(n, real=r, imag=i):
            return f"int {n} {r} {i}"
        case float(f) | complex(real=f):
            return f"number {f}"
        case str(s, upper=u):
            return f"str {s} {u()}"
        case bytes(b) | bytearray(b):
            return f"bytes {len(b)}"
        case [Point() as p, *rest]:
            return f"seq of points {p} +{len(rest)}"
        case [int(a), int(b), *_]:
            return f"ints {a} {b}"
        case (x, y):
            return f"two {x} {y}"
        case {"kind": "box", "dims": [w, h], **extra}:
            return f"box {w}x{h} {sorted(extra)}"
        case {Color.GREEN: g}:
            return f"green key {g}"
        case set() | frozenset():
            return f"set {sorted(v)}"
        case dict({}):
            return "a dict"
        case fractions.Fraction(numerator=n, denominator=d):
            return f"fraction {n}/{d}"
        case object(__class__=c) if c is Plain:
            return "a Plain"
        case None:
            return "none"
        case _:
            return f"other {type(v).__name__}"

SUBJECTS = [Point(0, 0), Sub(2, 2), Point(0, 5), Point(7, 8), Point(1, 2),
            Pair(Point(1, 2), Pair(3, 4)), Pair("a", "b"), Shape("circle", 3), Shape("square"),
            Shape("circle"), Color.RED, Color.GREEN, True, -3, 7, 2.5, 1j, "hi", b"xy", bytearray(b"z"),
            [Point(1, 1), 2], [1, 2, 3], (4, 5), {"kind": "box", "dims": [2, 3], "c": 1, "a": 0},
            {Color.GREEN: "g"}, {1, 3, 2}, frozenset([9]), {}, fractions.Fraction(3, 4), Plain(), None, 1.5j, ...]
for s in SUBJECTS:
    print(describe(s))
print("property calls", len(calls))

def errors():
    class TwoArgs:
        __match_args__ = ("a",)
        a = 1
    class BadArgs:
        __match_args__ = ["a"]
    class NotStr:
        __match_args__ = (1,)
    for subject, pattern in ((TwoArgs(), "two"), (BadArgs(), "bad"), (NotStr(), "notstr"), (5, "int2"),
                             (TwoArgs(), "dup"), (Plain(), "plain")):
        try:
            match subject:
                case TwoArgs(x, y) if pattern == "two":
                    print("no")
                case BadArgs(x) if pattern == "bad":
                    print("no")
                case NotStr(x) if pattern == "notstr":
                    print("no")
                case int(x, y) if pattern == "int2":
                    print("no")
                case TwoArgs(x, a=y) if pattern == "dup":
                    print("no")
                case Plain(x):
                    print("no")
                case _:
                    print("fell through", pattern)
        except TypeError as e:
            print("TypeError", e)
errors()

def lazy(v):
    match v:
        case 1:
            return "one"
        case Undefined():
            return "never"
print(lazy(1))
try:
    lazy(2)
except NameError as e:
    print("NameError", "Undefined" in str(e))

def closure():
    Local = Point
    def inner(v):
        match v:
            case Local(x, y):
                return ("local", x, y)
        return None
    return inner
print(closure()(Point(3, 4)))

def gen(items):
    for item in items:
        match item:
            case Point(x, _):
                yield x
            case collections.abc.Iterable():
                yield "iterable"
print(list(gen([Point(5, 6), [1], Point(7, 8)])))

class Registry:
    def classify(self, v):
        match v:
            case Point(x, y):
                return x + y
            case _:
                return None
print(Registry().classify(Point(2, 3)), Registry().classify(0))

class InBody:
    Kind = int
    match 3:
        case Kind(n) if n > 1:
            kind = "int"
        case NeverDefined():
            kind = "never"
    mode = kind
print("class body", InBody.mode, sorted(k for k in InBody.__dict__ if not k.startswith("__")))

class LateError:
    try:
        match 1:
            case NotThere():
                pass
    except NameError as e:
        print("class body NameError", "NotThere" in str(e))

g, l = {}, {}
exec("class Local:\n    __match_args__ = ('a',)\n    a = 5\n"
     "match Local():\n    case Local(x):\n        print('exec locals', x)\n"
     "def inner(v):\n    match v:\n        case int(i):\n            return i\nprint(inner(4))", g, l)
ns = {}
exec("class One:\n    b = 2\nmatch One():\n    case One(b=b):\n        print('exec one dict', b)", ns)

total = 0
for i in range(2000):
    match Point(i, -i):
        case Point(x, y) if x == -y:
            total += x
print("loop", total)
'''


def test_match_matches_cpython(sb):
    r = sb.run("python", PROGRAM)
    assert str(r.status) == "ok", r.stderr
    want = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=60).stdout
    assert want.count("\n") > 45
    for n, (got, exp) in enumerate(zip(r.stdout.splitlines(), want.splitlines(), strict=False)):
        assert got == exp, f"line {n + 1}: sandbox {got!r}, CPython {exp!r}"
    assert r.stdout == want
