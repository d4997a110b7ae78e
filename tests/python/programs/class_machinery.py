# ruff: noqa  (a program compared with CPython as written, idioms included)
"""Ordinary class machinery: dataclasses, enums, ABCs, NamedTuple, TypedDict, Generic, Protocol... (compared with CPython)."""
import abc, collections, collections.abc, dataclasses, enum, functools, json, string, typing
from typing import Generic, NamedTuple, Protocol, TypedDict, TypeVar

@dataclasses.dataclass(order=True)
class Pt:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)
print(Pt(1), Pt(1, 2) < Pt(2), dataclasses.asdict(Pt(3, 4)))

@dataclasses.dataclass(frozen=True, slots=True)
class Frozen:
    a: int
print(Frozen(1), hash(Frozen(1)) == hash(Frozen(1)))

class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()
    def shout(self):
        return self.name.upper() + '!'
    @classmethod
    def _missing_(cls, value):
        return cls.RED
print(Color.RED, Color(2), Color(99), Color.GREEN.shout(), list(Color), Color.__mro__, Color.mro())
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, (Perm.R | Perm.W).value, Perm.__mro__)
class Shade(str, enum.Enum):
    DARK = 'd'
print(Shade.DARK.value, Shade('d'), isinstance(Shade.DARK, str))
class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2
print(Level.HIGH > Level.LOW, Level.__mro__, [c.__name__ for c in Level.mro()])
class S(enum.StrEnum):
    A = enum.auto()
print(S.A, S.__mro__)
Animal = enum.Enum('Animal', 'CAT DOG')
print(Animal.DOG, Animal.DOG.value, type(Animal.CAT).__name__)

class Base(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
class Sq(Base):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Base()
except TypeError as e:
    print('TypeError', e)
print(Sq(3).area(), isinstance(Sq(1), Base), Sq.__mro__)

class Bag(collections.abc.Mapping):
    def __init__(self, d):
        self._d = d
    def __getitem__(self, k):
        return self._d[k]
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(self._d)
b = Bag({'a': 1})
print(dict(b), 'a' in b, b.get('z', 0), list(b.items()))

class P(NamedTuple):
    x: int
    y: int = 5
print(P(1), P(1)._replace(y=2), P._fields, P.__mro__)
Q = typing.NamedTuple('Q', [('a', int)])
class Q2(Q):
    def double(self):
        return self.a * 2
print(Q2(4).double(), Q2.__mro__)

class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {'title': 'x'}
print(m, sorted(Movie.__annotations__), Movie.__mro__)

T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v
print(Box[int](3).v, Box.__mro__)

@typing.runtime_checkable
class Closer(Protocol):
    def close(self): ...
class F:
    def close(self):
        return 1
print(isinstance(F(), Closer), Closer.__mro__)

class MyErr(ValueError):
    def __init__(self, code):
        super().__init__(f'code {code}')
        self.code = code
try:
    raise MyErr(7)
except ValueError as e:
    print(e, e.code, MyErr.__mro__)

Pair = collections.namedtuple('Pair', 'a b')
class Pair2(Pair):
    def total(self):
        return self.a + self.b
print(Pair2(1, 2).total(), Pair2.__mro__)

class Tpl(string.Template):
    delimiter = '%'
print(Tpl('%x!').substitute(x=3))

class Enc(json.JSONEncoder):
    def default(self, o):
        return str(o)
print(json.dumps({'a': {1, 2} and 'set'}, cls=Enc), json.dumps(object, cls=Enc)[:8])

class Cache:
    @functools.cached_property
    def val(self):
        return 42
print(Cache().val)

@functools.total_ordering
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(V(1) <= V(2), V(3) >= V(2))

class L(list[int]):
    pass
print(L([1, 2]), L.__mro__)

class UD(collections.UserDict):
    pass
u = UD(a=1)
u['b'] = 2
print(u, UD.__mro__[1].__name__)

class M(metaclass=type):
    pass
print(M, type(M) is type)

@dataclasses.dataclass(slots=True)
class Slotted:
    a: int
s = Slotted(1)
s.a = 5
class SubSlotted(Slotted):
    pass
x = SubSlotted(2)
x.a += 1
print(s, Slotted.__slots__, x)
