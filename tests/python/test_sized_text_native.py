"""The stand-ins that size ``replace``, ``translate``, ``expandtabs`` and ``re.sub``/``subn`` before the one C
call that builds their result (guards.py; tests/attacks/python/test_rt6_*) must answer every valid call
exactly as CPython does: results, counts, and the text of every error. Each program is run natively
(``python3 -I -c``) and in both isolations, and the outputs compared byte for byte."""

import pytest

from tests.python.native import native

PROGRAMS = {
    "replace": r'''
from collections import UserString
s = "abcabcabc"
for args in [("a", "X"), ("a", "X", 2), ("a", "X", -1), ("a", "X", 0), ("", "-"), ("", "-", 3), ("abc", ""),
             ("zz", "Q"), ("bc", "BCBC", 1)]:
    print(repr(s.replace(*args)))
print(repr(str.replace(s, "b", "_")), repr("".replace("", "x")), repr("ab".replace("", "")))
try:
    print(repr(s.replace("a", "Y", count=1)))
except TypeError as e:
    print("TypeError", e)
b = b"xyxyx"
print(b.replace(b"x", b"ZZ"), b.replace(b"", b"."), bytearray(b).replace(b"y", b""), b.replace(b"x", bytearray(b"q"), 1))
print(bytes.replace(b, b"y", b"Y"), bytearray.replace(bytearray(b"aa"), b"a", b"bb"))
u = UserString("hello world")
print(repr(u.replace("o", "0")), type(u.replace("o", "0")).__name__, repr(u.replace("l", "L", 1)))
print(list(map(str.replace, ["aa", "ba"], ["a", "b"], ["1", "2"])))
class S(str):
    pass
print(repr(S("aXa").replace("X", "--")), type(S("aXa").replace("X", "--")).__name__)
for bad in [lambda: s.replace(1, "x"), lambda: s.replace("a"), lambda: b.replace("x", b"y"),
            lambda: s.replace("a", "b", "c"), lambda: str.replace(1, "a", "b")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
''',
    "translate": r'''
s = "hello, world"
print(s.translate({ord("l"): "L", ord("o"): None, ord("w"): 87}))
print(s.translate(str.maketrans("lo", "01", ",")), s.translate(str.maketrans({"h": "HH"})))
print(s.translate([None] * 108 + ["ELL"]), s.translate(tuple("abcdefghijklmnopqrstuvwxyz")))
print(s.translate({}), "".translate({1: "x" * 100}), str.translate("abc", {97: "z"}))
class Table:
    def __getitem__(self, k):
        if k == ord("o"):
            return "0"
        if k == ord(" "):
            raise LookupError
        raise IndexError(k)
print(s.translate(Table()))
class Upper(dict):
    def __missing__(self, k):
        return chr(k).upper()
print(s.translate(Upper()))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"), bytearray(b"abc").translate(None))
for bad in [lambda: s.translate({ord("h"): 3.5}), lambda: s.translate({ord("h"): 0x110000}), lambda: s.translate(5),
            lambda: s.translate({ord("h"): b"x"})]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Boom:
    def __getitem__(self, k):
        raise ZeroDivisionError("from table")
try:
    s.translate(Boom())
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
''',
    "expandtabs": r'''
for s in ["a\tb", "\t", "ab\tcd\t\tx\ny\tz", "\r\t", "", "no tabs"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(tabsize=3)), repr(s.expandtabs(0)),
          repr(s.expandtabs(-2)), repr(str.expandtabs(s, 2)))
print(b"a\tb".expandtabs(), bytearray(b"\tq").expandtabs(tabsize=2), bytes.expandtabs(b"x\t", 3))
from collections import UserString
print(repr(UserString("a\tb").expandtabs(3)))
for bad in [lambda: "a".expandtabs("4"), lambda: "a".expandtabs(4, 5), lambda: "a".expandtabs(size=4)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
''',
    "re_sub": r'''
import re
s = "2024-01-05 and 1999-12-31"
print(re.sub(r"(\d+)-(\d+)-(\d+)", r"\3/\2/\1", s), re.subn(r"\d", "#", s), re.sub(r"\d", "#", s, 3))
print(re.sub(r"(?P<y>\d{4})", r"<\g<y>>", s), re.sub(r"(\d)", r"\g<1>\g<1>", "a1b2"), re.sub("x*", "-", "abc"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), s), re.subn(r"[aeiou]", lambda m: m.group().upper(), "education"))
print(re.sub("A", "x", "aAa", flags=re.I), re.sub("^b", "B", "a\nb", flags=re.M), re.sub(r"\s", r"\n", "a b"))
print(re.sub(rb"(\w)", rb"[\1]", b"ab"), re.subn(b"a", b"", b"banana"), re.sub("", "|", ""), re.sub("q", "z", ""))
p = re.compile(r"(\w)(\w)")
print(p.sub(r"\2\1", "abcdef"), p.subn(r"\2\1", "abcde", 1), p.sub(lambda m: m[0][::-1], "xyz"), p.sub("", "ab", count=0))
print(re.Pattern.sub(p, "-", "abcd"), re.sub(p, r"\1", "wxyz"), p.sub(r"\g<0>\g<0>", "ab"))
for bad in [lambda: re.sub("a", r"\q", "a"), lambda: re.sub("(a)", r"\2", "a"), lambda: re.sub("a", r"\g<x>", "a"),
            lambda: re.sub(p, "x", "y", flags=re.I), lambda: re.sub("a", 1, "a"), lambda: re.sub("a", "b", b"a"),
            lambda: p.sub("x"), lambda: re.sub("(", "x", "a")]:
    try:
        print(bad())
    except (re.error, TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(re.sub("a", "b", "aaa", 0), re.sub("a", "b", "aaa", -1), re.sub("a", "\\\\", "a"))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_sized_text_methods_answer_as_natively(sb, name):
    want_out, want_err, rc = native(PROGRAMS[name])
    assert rc == 0, want_err
    r = sb.run("python", PROGRAMS[name])
    assert r.status == "ok", (r.status, r.stderr)
    assert r.stdout == want_out
