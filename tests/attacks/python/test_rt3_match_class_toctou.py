# Attack: a `match` class pattern whose reads are not pure: the guards checked every name MATCH_CLASS would
# read (a pre-read), then the interpreter read them again itself, and a property of the program's (F1) or a
# library property whose getter is a C callable running the program's code (F1b, `functools.partial(next,
# it)`) changed what a later name resolves to in between: the raw `str.format` bound to a template (format
# fields walked to os.environ), a library class's shared dict (the next in-process run changed).
# Published: this project's red team, round 3 (F1, F1b); the class is the time-of-check/time-of-use of
# pre-checked lookups (pyjail write-ups using `match` as a getattr gadget, shirajuki "pyjail cheatsheet", 2023).
# The fix is the mechanism: the interpreter never matches a class pattern; the guards do, reading each name
# once as `subject.name`, and bind the sub-patterns from those values. Semantics compared with CPython.
import subprocess
import sys

import pytest

PROPERTY_DELETES_SHADOW = """
import collections
class S(str):
    __match_args__ = ("trigger", "format")
    @property
    def trigger(self):
        del self.format
        return 1
s = S("REACHED {0.__globals__[_sys].modules[os].name}")
s.format = 1
match s:
    case S(_, f):
        print(f(collections.namedtuple))
"""

MISSING_THEN_PRESENT = """
import functools, collections
class Flip:
    def __init__(self):
        self.n = 0
    def __next__(self):
        self.n += 1
        if self.n == 1:
            raise AttributeError("not yet")
        return 1
class S(str):
    __match_args__ = ("trigger", "format")
    trigger = property(functools.partial(next, Flip()))
s = S("REACHED {0.__globals__[_sys].modules[os].name}")
for attempt in range(2):
    match s:
        case S(_, f):
            print(f(collections.namedtuple))
"""

SHARED_CLASS_DICT = """
import textwrap
class T(textwrap.TextWrapper):
    __match_args__ = ("trigger", "unicode_whitespace_trans")
    @property
    def trigger(self):
        del self.unicode_whitespace_trans
        return 1
t = T()
t.unicode_whitespace_trans = {}
match t:
    case T(_, d):
        d[ord("a")] = " "
        print("REACHED", type(d).__name__)
"""

KEYWORD_FORM = """
import collections
class S(str):
    @property
    def trigger(self):
        del self.format
        return 1
s = S("REACHED {0.__globals__[_sys].modules[os].name}")
s.format = 1
match [s]:
    case [S(trigger=_, format=f)]:
        print(f(collections.namedtuple))
"""

PAYLOADS = {"property-deletes-shadow": PROPERTY_DELETES_SHADOW, "missing-then-present": MISSING_THEN_PRESENT,
            "shared-class-dict": SHARED_CLASS_DICT, "keyword-form": KEYWORD_FORM}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_class_pattern_binds_what_the_guards_read(guest, name):
    r = guest.run(PAYLOADS[name])
    # the template's fields go through the sandbox's format (a violation); the dict is the read-only view
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()


SEMANTICS = r'''
import collections, collections.abc, dataclasses
log = []
class Seq(collections.abc.Sequence):
    def __init__(self, *a): self.a = a
    def __len__(self): log.append("len"); return len(self.a)
    def __getitem__(self, i): log.append(("get", i)); return self.a[i]
class M(collections.abc.Mapping):
    def __init__(self, **k): self.k = k
    def __getitem__(self, x): log.append(("mget", x)); return self.k[x]
    def __iter__(self): return iter(self.k)
    def __len__(self): log.append("mlen"); return len(self.k)
@dataclasses.dataclass
class P:
    x: int
    y: int = 0
class Q:
    __match_args__ = ("a", "b")
    @property
    def a(self): log.append("a"); return 1
    @property
    def b(self): log.append("b"); return 2
def t(v):
    match v:
        case [P(x=0), *rest]: return ("p0", rest)
        case [1, *_, P(y)]: return ("tail", y)
        case [a, *mid, b] if a == b: return ("eq", mid)
        case {"k": P(x), **rest}: return ("mk", x, rest)
        case {"k": 1}: return "k1"
        case P(1) | P(2, 3): return "p12"
        case P(x, y=(1 | 2) as z): return ("pz", x, z)
        case Q(1, c) if c > 5: return "never"
        case Q(a, b=bb): return ("q", a, bb)
        case int(n) | float(n): return ("num", n)
        case str() | bytes(): return "strish"
        case (P(), P()): return "twop"
        case _: return "other"
for v in ([P(0), 1, 2], [1, 2, P(5)], Seq(1, 2, P(7)), Seq(3, 4, 3), (2, 9, 9, 2), {"k": P(4), "z": 1},
          M(k=P(6), q=2), M(k=1), {"k": 1, "j": 2}, P(1), P(2, 3), P(5, 2), P(5, 7), Q(), 3, 2.5, "s", b"b",
          (P(1), P(2)), None, [], Seq()):
    log.clear()
    print(repr(t(v)), log)
for bad in ("class C:\n    __match_args__ = ['x']\nmatch C():\n    case C(y): pass",
            "class C:\n    __match_args__ = ('x', 1)\n    x = 1\nmatch C():\n    case C(y, z): pass",
            "match 1:\n    case int(a, b): pass",
            "class C: pass\nmatch C():\n    case C(a): pass",
            "class C:\n    __match_args__ = ('x',)\n    x = 1\nmatch C():\n    case C(a, x=b): pass",
            "match 1:\n    case len(): pass",
            "match {'a': 1}:\n    case {'a': 1, **r} if print(r) or True: print('ok')",
            "match [1,2,3]:\n    case [int(a), *b] | [a, b]: print(a, b)",
            "match 1:\n    case int(x) | str(y): pass"):
    try:
        exec(bad, {})
    except Exception as e:
        print(type(e).__name__, e)
class K:
    match P(3, 4):
        case P(x, y):
            z = x + y
print(K.z, sorted(k for k in K.__dict__ if not k.startswith("__")))
def scope():
    match [P(1, 2)]:
        case [P(x=a)]:
            pass
    return a
print(scope())
'''


@pytest.fixture(scope="module")
def native_semantics():
    return subprocess.run([sys.executable, "-c", SEMANTICS], capture_output=True, text=True, timeout=60).stdout


def test_class_patterns_compute_what_cpython_computes(guest, native_semantics):
    r = guest.run(SEMANTICS, timeout=10)
    assert str(r.status) == "ok", r.stderr
    assert r.stdout == native_semantics
