"""``str.format`` and ``format_map`` give what CPython gives, for a broad table of templates.

The sandbox renders every replacement field itself (so that ``.attr`` goes through the guards);
each template here runs in the sandbox and in a native ``python3``, and the outputs must be the
same line for line, errors included (type and message).
"""
import subprocess
import sys

import pytest

CASES = r'''
class P:
    x = 3
    y = [10, 20]
    def __format__(self, spec):
        return "P<" + spec + ">"
class M(dict):
    def __missing__(self, key):
        return "missing:" + key
class S(str):
    pass
from collections import UserString
import decimal, datetime, fractions
TABLE = [
    ("{:{}}", (3, 5), {}),
    ("{:0{}}", (7, 3), {}),
    ("{:{w}.{p}f}", (3.14159,), {"w": 10, "p": 2}),
    ("{0:{1}.{2}f}", (2.5, 8, 3), {}),
    ("{:{}{}}", ("ab", ">", 6), {}),
    ("{:{}} {}", (1, 4, "z"), {}),
    ("{} {:{}} {}", (1, 2, 3, 4), {}),
    ("{:{:{}}}", (1, 2, 3), {}),
    ("{0:{}}", (1, 2), {}),
    ("{:{0}}", (1, 2), {}),
    ("{} {1}", (1, 2), {}),
    ("{0} {}", (1, 2), {}),
    ("{2}", (1, 2), {}),
    ("{}", (), {}),
    ("{a}", (), {}),
    ("{0!r:>8}|{0!s:<6}|{0!a}", ("é",), {}),
    ("{!r}", (S("s"),), {}),
    ("{0!x}", (1,), {}),
    ("{0[0]}-{0[1]}", ([5, 6],), {}),
    ("{0[key]} {0[1]}", ({"key": "v", 1: "one"},), {}),
    ("{d[key]}", (), {"d": {"key": 4}}),
    ("{0.x} {0.y[1]}", (P(),), {}),
    ("{0:>10}", (P(),), {}),
    ("{0.real} {0.imag}", (3 + 4j,), {}),
    ("{.real}", (5,), {}),
    ("{0.nope}", (P(),), {}),
    ("{0[}", (1,), {}),
    ("{0.}", (1,), {}),
    ("{", (), {}),
    ("}", (), {}),
    ("{{}} {{{0}}}", (1,), {}),
    ("{:,} {:_} {:,.2f}", (1234567, 1234567, 1234.5), {}),
    ("{:+d} {: d} {:-d}", (5, 5, -5), {}),
    ("{:#x} {:#o} {:#b} {:X}", (255, 8, 5, 255), {}),
    ("{:08.3f} {:e} {:g} {:%}", (3.14159, 12345.678, 0.00001, 0.25), {}),
    ("{:*^11} {:<5}| {:>5}|", ("mid", "l", "r"), {}),
    ("{:=+8}", (-42,), {}),
    ("{:c}", (65,), {}),
    ("{:.3}", ("abcdef",), {}),
    ("{:10.4}", (decimal.Decimal("1.234567"),), {}),
    ("{:%Y-%m-%d}", (datetime.date(2020, 1, 2),), {}),
    ("{0:{1}}", (fractions.Fraction(1, 3), ""), {}),
    ("{:z.1f}", (-0.0,), {}),
    ("{:d}", ("x",), {}),
    ("{:q}", (1,), {}),
    ("{0:{1}}", (1, "{}"), {}),
    ("{:{}}", (1,), {}),
    ("{x:{y}}", (), {"x": 5, "y": 3}),
    ("{" + "9" * 30 + "}", (), {}),
]
for tpl, args, kwargs in TABLE:
    try:
        print(repr(tpl.format(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)
MAPS = [
    ("{a} {b[0]}", {"a": 1, "b": [2]}),
    ("{a:{w}}", {"a": 1, "w": 4}),
    ("{zz}", M()),
    ("{0}", {"0": 1}),
    ("{}", {}),
    ("{a.x}", {"a": P()}),
]
for tpl, m in MAPS:
    try:
        print(repr(tpl.format_map(m)))
    except Exception as e:
        print(type(e).__name__, e)
for call in (lambda: str.format("{} {}", 1, 2), lambda: str.format_map("{a}", {"a": 1}),
             lambda: S("{}!").format(3), lambda: super(S, S("{}?")).format(4),
             lambda: UserString("{}-{}").format(1, 2), lambda: UserString("{k}").format_map({"k": 9}),
             lambda: str.format(5), lambda: "{a}".format_map(), lambda: "{a}".format_map({}, {}),
             lambda: "x".format(1, 2, k=3), lambda: f"{3.14159:{8}.{3}f}|{'s'!r:>{5}}"):
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
'''


def _native(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout


def test_the_table_matches_cpython(sb):
    r = sb.run("python", CASES)
    assert str(r.status) == "ok", r.stderr
    want = _native(CASES)
    assert want.count("\n") > 60
    for n, (got, exp) in enumerate(zip(r.stdout.splitlines(), want.splitlines(), strict=False)):
        assert got == exp, f"line {n + 1}: sandbox {got!r}, CPython {exp!r}"
    assert r.stdout == want


@pytest.mark.parametrize("expr, expected", [("'{:{}}'.format(3, 5)", "'    3'"), ("'{:0{}}'.format(7, 3)", "'007'")])
def test_nested_replacement_fields_share_the_numbering(sb, expr, expected):
    r = sb.run("python", f"print(repr({expr}))")
    assert (str(r.status), r.stdout) == ("ok", expected + "\n"), r
