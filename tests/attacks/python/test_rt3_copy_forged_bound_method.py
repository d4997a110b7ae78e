# Attack: forge a bound method with the interpreter's own constructor (`type(C().m)(f, json.dumps)`), name its
# function `__globals__` (functools.update_wrapper copies a class's name, which may be any string), then
# `copy.copy` it: `method.__reduce__` is `(getattr, (im_self, im_func.__name__))` and copy's `_reconstruct`
# called that raw builtin getattr -> json.dumps.__globals__ -> the real builtins. Also other constructors of
# interpreter types handed out by type(): modules (`type(json)(...)`), tracebacks, functions.
# Published: this project's red team, round 3 (F13); the class is the pickle/copy "reduce gadget" family
# (`__reduce__` tuples calling getattr, cf. pickle-based sandbox escapes) combined with the pyjail
# `type(obj)` constructor trick (types.FunctionType/MethodType forging).
import pytest

FORGED_METHOD_COPY = """
import functools, copy, json
def f(): pass
functools.update_wrapper(f, type("__globals__", (), {}))
class C:
    def m(self): pass
MT = type(C().m)
bm = MT(f, json.dumps)
print("FORGED", type(bm))
g = copy.copy(bm)
print("REACHED", type(g))
os = g["__builtins__"]["__import__"]("os")
print("REACHED", os)
"""

FORGED_METHOD_DEEPCOPY = """
import functools, copy, json
def f(): pass
functools.update_wrapper(f, type("__globals__", (), {}))
class C:
    def m(self): pass
bm = C().m.__class__(f, json.JSONEncoder)
g = copy.deepcopy([bm])[0]
print("REACHED", type(g))
"""

FORGED_MODULE = """
import json
M = type(json)
m = M("json", {"dumps": print})
print("REACHED", m)
"""

FORGED_FUNCTION = """
def f(): return 1
FT = type(f)
print("FT", FT)
g = FT(f.__code__, {})
print("REACHED", g())
"""

PAYLOADS = {"forged-method-copy": FORGED_METHOD_COPY, "forged-method-deepcopy": FORGED_METHOD_DEEPCOPY,
            "forged-module": FORGED_MODULE, "forged-function": FORGED_FUNCTION}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_interpreter_type_constructors_are_not_handed_out(fresh_guest, name):
    r = fresh_guest.run(PAYLOADS[name])
    fresh_guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "FORGED"])
    fresh_guest.assert_next_run_clean()


# Ordinary programs the fix touches: copy/deepcopy of bound methods (of the program's and of library
# objects), dataclasses, named tuples, library values; @functools.wraps on dunder and private methods;
# type() of interpreter values printing and comparing as CPython's.
ORDINARY = r"""
import copy, dataclasses, functools, collections, fractions, decimal, datetime, array, enum, typing
class C:
    def __init__(self): self.x = [1, 2]
    def m(self): return self.x
c = C()
b = copy.copy(c.m); print(b(), b() is c.x, b == c.m)
d = copy.deepcopy(c.m); print(d(), d() is c.x, d() == c.x)
l = [3]
copy.copy(l.append)(4); copy.deepcopy([l.append])[0](5); print(l)
print(copy.copy((1).__add__)(2), copy.copy(str.upper)("a"))
@dataclasses.dataclass
class P:
    a: int
    b: list = dataclasses.field(default_factory=list)
p = P(1, [2]); q = copy.deepcopy(p); print(q, q.b is p.b, copy.copy(p).b is p.b)
nt = collections.namedtuple("NT", "a b")(1, [2]); print(copy.deepcopy(nt), copy.copy(nt))
print(copy.deepcopy(collections.OrderedDict(a=[1])), copy.deepcopy(collections.defaultdict(list, a=[1])))
print(copy.deepcopy(collections.deque([1, [2]], 5)), copy.copy(collections.Counter("abca")))
print(copy.deepcopy(fractions.Fraction(1, 3)), copy.deepcopy(decimal.Decimal("1.5")))
print(copy.deepcopy(datetime.date(2020, 1, 2)))
print(copy.deepcopy(array.array("i", [1, 2])), copy.deepcopy({1, 2}))
class Color(enum.Enum):
    RED = 1
print(copy.deepcopy(Color.RED), copy.copy(typing.List[int]), copy.deepcopy(typing.Dict[str, int]))
print(copy.deepcopy(range(3)), copy.deepcopy(bytearray(b"ab")))
class S:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
print(copy.deepcopy(S()).a)
def f(x): return x
print(copy.copy(f) is f, copy.deepcopy(len) is len)
def deco(fn):
    @functools.wraps(fn)
    def w(*a): return fn(*a)
    return w
class K:
    @deco
    def __init__(self): self.v = 1
    @deco
    def _private(self): return 2
print(K.__init__.__name__, K._private.__name__, K._private.__qualname__, K().v, copy.copy(K()._private)())
print(type(f), type(c.m), type(len), type(c.m) is type(C().m), isinstance(f, type(deco)), isinstance(c.m, type(f)))
print(type(f).__name__, type(len).__qualname__, type(copy), repr(type(iter([]))), type(x for x in []))
print(issubclass(type(f), type(f)), type(f) == type(deco), {type(f): 1}[type(deco)], type(C.__dict__))
"""


def test_copy_and_type_of_ordinary_values_as_cpython(guest):
    from tests.python.native import native

    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native(ORDINARY)[0]), r
