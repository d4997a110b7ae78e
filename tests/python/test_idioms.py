"""Ordinary, valid Python must run unchanged, in both isolation modes."""
import textwrap

import pytest

IDIOMS = {
    "classes_and_dunders": ("""
        class Vec:
            def __init__(self, x, y):
                self._x, self._y = x, y
            def __repr__(self): return f"Vec({self._x}, {self._y})"
            def __add__(self, o): return Vec(self._x + o._x, self._y + o._y)
            def __eq__(self, o): return (self._x, self._y) == (o._x, o._y)
            def __hash__(self): return hash((self._x, self._y))
            def __len__(self): return 2
            def __iter__(self): return iter((self._x, self._y))
            def __getitem__(self, i): return (self._x, self._y)[i]
            def __contains__(self, v): return v in (self._x, self._y)
            def __bool__(self): return bool(self._x or self._y)
            def __lt__(self, o): return tuple(self) < tuple(o)
            def __call__(self, k): return Vec(self._x * k, self._y * k)
        v = Vec(1, 2) + Vec(3, 4)
        print(v, len(v), list(v), v[1], 4 in v, bool(Vec(0, 0)), sorted([Vec(2, 0), Vec(1, 5)]), v(2))
        print({Vec(1, 1): "a"}[Vec(1, 1)], type(v).__name__, v.__class__.__name__)
    """, "Vec(4, 6) 2 [4, 6] 6 True False [Vec(1, 5), Vec(2, 0)] Vec(8, 12)\na Vec Vec\n"),
    "inheritance_super_private": ("""
        class Base:
            def __init__(self, n):
                self._n = n
                self.__dict__["extra"] = 1
            def _helper(self): return self._n * 2
            def total(self): return self._helper()
        class Child(Base):
            def __init__(self, n):
                super().__init__(n + 1)
            def _helper(self): return super()._helper() + 100
        c = Child(1)
        c._n += 1
        print(c.total(), c._n, c.extra, isinstance(c, Base))
    """, "106 3 1 True\n"),
    "context_manager": ("""
        class Res:
            def __enter__(self):
                print("enter"); return self
            def __exit__(self, et, ev, tb):
                print("exit", et.__name__ if et else None); return True
        with Res() as r:
            raise ValueError("x")
        print("after")
    """, "enter\nexit ValueError\nafter\n"),
    "iterator_protocol": ("""
        class Count:
            def __init__(self, n): self.n = n; self.i = 0
            def __iter__(self): return self
            def __next__(self):
                if self.i >= self.n: raise StopIteration
                self.i += 1
                return self.i
        print(list(Count(3)), sum(Count(4)))
    """, "[1, 2, 3] 10\n"),
    "generators_closures": ("""
        def fib():
            a, b = 0, 1
            while True:
                yield a
                a, b = b, a + b
        def counter():
            n = 0
            def inc():
                nonlocal n
                n += 1
                return n
            return inc
        g = fib()
        print([next(g) for _ in range(10)])
        c = counter(); c(); print(c())
        print(list(x * x for x in range(5) if x % 2))
    """, "[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]\n2\n[1, 9]\n"),
    "comprehensions": ("""
        m = {k: v for k, v in zip("abc", range(3))}
        s = {x % 3 for x in range(10)}
        n = [[i * j for j in range(3)] for i in range(3)]
        print(m, s, n, [(a, b) for a in range(2) for b in range(2)])
    """, "{'a': 0, 'b': 1, 'c': 2} {0, 1, 2} [[0, 0, 0], [0, 1, 2], [0, 2, 4]] [(0, 0), (0, 1), (1, 0), (1, 1)]\n"),
    "exceptions": ("""
        class MyError(Exception):
            pass
        try:
            try:
                raise MyError("boom")
            except MyError as e:
                raise KeyError("k") from e
        except KeyError as e:
            print("caught", repr(e))
        finally:
            print("finally")
        try:
            {}["x"]
        except (KeyError, IndexError) as e:
            print(type(e).__name__, e.args)
    """, "caught KeyError('k')\nfinally\nKeyError ('x',)\n"),
    "match_statement": ("""
        from dataclasses import dataclass
        @dataclass
        class Point:
            x: int
            y: int
        def where(p):
            match p:
                case Point(x=0, y=0): return "origin"
                case Point(x=0, y=y): return f"y-axis {y}"
                case Point(x, 0): return f"x-axis {x}"
                case [a, *rest]: return f"list {a} {rest}"
                case {"k": v}: return f"dict {v}"
                case int() | float() as n if n > 0: return "positive"
                case _: return "other"
        for v in (Point(0, 0), Point(0, 5), Point(3, 0), [1, 2, 3], {"k": 9}, 4.5, "s"):
            print(where(v))
    """, "origin\ny-axis 5\nx-axis 3\nlist 1 [2, 3]\ndict 9\npositive\nother\n"),
    "dataclasses_enum_namedtuple": ("""
        from dataclasses import dataclass, field, asdict
        from enum import Enum, auto
        from collections import namedtuple, Counter, defaultdict, deque
        from typing import NamedTuple, List, Optional
        class Color(Enum):
            RED = auto()
            GREEN = auto()
        @dataclass(order=True)
        class Item:
            name: str
            tags: List[str] = field(default_factory=list)
            def __post_init__(self):
                self.name = self.name.upper()
        class P(NamedTuple):
            x: int
            y: Optional[int] = None
        Q = namedtuple("Q", "a b")
        print(Color.RED, Color(2).name, Item("a"), asdict(Item("b", ["t"])), P(1)._replace(y=2), Q(1, 2)._asdict())
        print(Counter("abca").most_common(1), dict(defaultdict(int, a=1)), deque([1, 2], maxlen=2))
    """, "Color.RED GREEN Item(name='A', tags=[]) {'name': 'B', 'tags': ['t']} P(x=1, y=2) {'a': 1, 'b': 2}\n"
         "[('a', 2)] {'a': 1} deque([1, 2], maxlen=2)\n"),
    "fstrings_and_format": ("""
        x, name = 3.14159, "pi"
        print(f"{name!r:>6} = {x:.2f} {x!s:.4} {{braces}}", "{} and {k}".format(1, k=2), "%5.1f|%s" % (x, name))
        print("{0[a]} {1.real}".format({"a": 1}, 2), format(255, "x"), "{:>{w}}".format("r", w=3))
    """, "  'pi' = 3.14 3.14 {braces} 1 and 2   3.1|pi\n1 2 ff   r\n"),
    "recursion_and_stdin": ("""
        import sys
        from functools import lru_cache
        @lru_cache(maxsize=None)
        def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
        n = int(input())
        rest = sys.stdin.read().split()
        print(fib(n), [int(v) * 2 for v in rest])
    """, "832040 [2, 4, 6]\n"),
    "modules": ("""
        import math, re, json, string, itertools, functools, heapq, bisect, copy, statistics, random
        from fractions import Fraction
        from decimal import Decimal, getcontext
        import datetime, time, hashlib, base64, textwrap, unicodedata, operator, collections.abc
        getcontext().prec = 5
        h = [5, 1, 3]; heapq.heapify(h)
        print(math.gcd(12, 18), re.findall(r"\\d+", "a1b22"), json.dumps({"a": [1, 2]}), string.digits[:3],
              list(itertools.permutations([1, 2])), functools.reduce(operator.add, [1, 2, 3]), heapq.heappop(h),
              bisect.bisect([1, 3, 5], 4), copy.deepcopy([[1]]), statistics.mean([1, 2, 3]),
              Fraction(1, 3) + Fraction(1, 6), Decimal(1) / Decimal(7), datetime.date(2020, 1, 2).isoformat(),
              hashlib.md5(b"x").hexdigest()[:6], base64.b64encode(b"hi"), textwrap.shorten("a b c d", 5),
              unicodedata.name("a"), isinstance([], collections.abc.Sequence), 0 <= random.random() < 1,
              time.time() > 0)
    """, "6 ['1', '22'] {\"a\": [1, 2]} 012 [(1, 2), (2, 1)] 6 1 2 [[1]] 2 1/2 0.14286 2020-01-02 9dd4e4 "
         "b'aGk=' [...] LATIN SMALL LETTER A True True True\n"),
    "main_guard_and_eval": ("""
        def main():
            print(eval("1 + 2"), sorted(set("hello")))
            exec("y = 5\\nprint(y * 2)")
        if __name__ == "__main__":
            main()
    """, "3 ['e', 'h', 'l', 'o']\n10\n"),
    "augmented_items_attrs": ("""
        class C:
            def __init__(self): self.n = 1; self.items = [1, 2]
        c = C(); c.n += 2; c.n *= 3; c.items[0] += 10; c.items *= 2
        d = {"a": [1]}; d["a"] += [2]; d.setdefault("b", 0); d["b"] -= 1
        grid = [[0] * 3 for _ in range(2)]; grid[1][2] += 5
        s = "ab"; s *= 2; x = 2; x **= 10; x <<= 1
        print(c.n, c.items, d, grid, s, x)
    """, "9 [11, 2, 11, 2] {'a': [1, 2], 'b': -1} [[0, 0, 0], [0, 0, 5]] abab 2048\n"),
    "properties_classmethods": ("""
        class T:
            count = 0
            def __init__(self, c): self._c = c; T.count += 1
            @property
            def f(self): return self._c * 9 / 5 + 32
            @f.setter
            def f(self, v): self._c = (v - 32) * 5 / 9
            @classmethod
            def make(cls): return cls(100)
            @staticmethod
            def unit(): return "C"
        t = T.make(); print(t.f, T.unit(), T.count); t.f = 32; print(t._c)
        print(getattr(t, "_c"), hasattr(t, "missing"), setattr(t, "z", 1) or t.z)
    """, "212.0 C 1\n0.0\n0.0 False 1\n"),
    "annotations_globals_walrus_lambda": ("""
        total: int = 0
        def add(v: int) -> None:
            global total
            total += v
        for i in range(5): add(i)
        data = [1, 5, 10]
        if (n := len(data)) > 2: print("n", n)
        print(total, sorted(data, key=lambda v: -v), list(map(str, filter(None, [0, 1, 2]))))
    """, "n 3\n10 [10, 5, 1] ['1', '2']\n"),
}


@pytest.mark.parametrize("name", sorted(IDIOMS))
def test_idiom_runs(sb, name):
    code, expected = IDIOMS[name]
    r = sb.run("python", textwrap.dedent(code), stdin="30\n1 2 3\n", timeout=2.0)
    assert r.status == "ok", r.stderr
    assert r.stdout == expected
    assert r.stderr == ""


def test_uncaught_exception_traceback_has_only_program_lines(sb):
    code = "import json\n\ndef f(s):\n    return json.loads(s)\n\nf('{bad')\n"
    r = sb.run("python", code)
    assert r.status == "error" and r.exit_code == 1
    assert 'File "main.py", line 6, in <module>' in r.stderr
    assert 'File "main.py", line 4, in f' in r.stderr
    assert "JSONDecodeError" in r.stderr
    assert "site-packages" not in r.stderr and "/lib/python" not in r.stderr and ".py\", line" not in \
        r.stderr.replace('"main.py", line', "")


def test_exit_codes(sb):
    assert sb.run("python", "import sys\nsys.exit(0)").status == "ok"
    r = sb.run("python", "import sys\nprint('x')\nsys.exit(3)")
    assert (r.status, r.exit_code, r.stdout) == ("error", 3, "x\n")
    r = sb.run("python", "exit('bye')")
    assert (r.status, r.exit_code, r.stderr) == ("error", 1, "bye\n")
    r = sb.run("python", "raise SystemExit(0)")
    assert r.status == "ok"


def test_syntax_error_is_compile_error_with_line(sb):
    r = sb.run("python", "x = 1\ndef f(:\n  pass\n")
    assert r.status == "compile_error"
    assert r.violations[0].line == 2
    assert "SyntaxError" in r.stderr


def test_violations_are_reported_all_at_once_with_lines(sb):
    r = sb.run("python", "import os\nx = 1\nimport subprocess\ny = ().__class__.__base__\n")
    assert r.status == "violation"
    assert [(v.kind, v.line) for v in r.violations] == [("import", 1), ("import", 3), ("attribute", 4)]
    assert "os" in r.violations[0].detail


def test_refused_import_is_cpythons_modulenotfounderror_when_caught(sb):
    # issue 13: a program probing for an optional module catches ModuleNotFoundError, as on a CPython
    # without it; nothing is handed out. Uncaught, the refusal ends the run as a violation at its line.
    r = sb.run("python", "try:\n    __import__('os')\nexcept ImportError as e:\n    print(type(e).__name__, e)\n"
                         "print('continued')\n")
    assert (r.status, r.stdout) == ("ok", "ModuleNotFoundError No module named 'os'\ncontinued\n"), r.stderr
    r = sb.run("python", "x = 1\nif x:\n    __import__('os')\nprint('not reached')\n")
    assert r.status == "violation" and r.stdout == ""
    assert (r.violations[0].kind, r.violations[0].line) == ("import", 3)


def test_output_limit(sb):
    r = sb.run("python", "while True:\n    print('x' * 1000)\n")
    assert r.status == "output_limit"
    assert len(r.stdout) <= sb.policy.python.limits.max_output_bytes


def test_runs_do_not_share_state(sb):
    first = sb.run("python", "import random, decimal\nrandom.seed(1)\ndecimal.getcontext().prec = 3\n"
                             "class A: pass\nprint(random.random())")
    second = sb.run("python", "import random, decimal\nprint(decimal.getcontext().prec)\n"
                              "try:\n    A\nexcept NameError:\n    print('clean')")
    assert first.ok and second.stdout == "28\nclean\n"
