# Attack: a library class's shared dict comes back as a read-only `mappingproxy`, but a mappingproxy
# compares (`==`, `<`...) and merges (`|`) by handing its mapping to the other operand: an object of the
# program's whose reflected `__eq__`/`__gt__`/`__ror__` runs gets the shared dict itself, writable, and
# in-process the change is seen by every later run (TextWrapper's whitespace table; the groupindex of a
# compiled pattern from re's cache, a mappingproxy of the library's own).
# Published: CPython bpo-43838 ("mappingproxy leaks its mapping through rich comparison"); pyjail
# write-ups using it to write a class `__dict__` through `type.__dict__` proxies (2021-2023).
import pytest

CAPTURE = """
import textwrap, collections
got = []
class E:
    __hash__ = None
    def __eq__(self, other):
        got.append(other)
        return NotImplemented
    def __gt__(self, other):
        got.append(other)
        return NotImplemented
    def __ror__(self, other):
        got.append(other)
        return NotImplemented
def views():
    yield textwrap.TextWrapper.unicode_whitespace_trans
    yield textwrap.TextWrapper().unicode_whitespace_trans
    class T(textwrap.TextWrapper):
        pass
    yield super(T, T()).unicode_whitespace_trans
"""

PAYLOADS = {
    "eq": CAPTURE + "for v in views():\n    v == E()\n",
    "lt": CAPTURE + "for v in views():\n    try:\n        v < E()\n    except TypeError:\n        pass\n",
    "or": CAPTURE + "for v in views():\n    try:\n        v | E()\n    except TypeError:\n        pass\n",
}
# What the operand got may be a copy (harmless); the shared table must not change.
WRITE = ("for g in got:\n    try:\n        g[9] = 'X'\n    except TypeError:\n        pass\n"
         "if textwrap.TextWrapper.unicode_whitespace_trans[9] == 'X' or textwrap.wrap('a\\tb', 3) != ['a', 'b']:\n"
         "    print('REACHED the shared table')\nprint('done', len(got))\n")


# A library's own mappingproxy: re caches compiled patterns for every run of the process.
GROUPINDEX = """
import re
got = []
class E:
    __hash__ = None
    def __eq__(self, other):
        got.append(other)
        return NotImplemented
re.compile("(?P<a>x)(?P<b>y)").groupindex == E()
for g in got:
    try:
        g["a"] = 2
    except TypeError:
        pass
print("group", re.compile("(?P<a>x)(?P<b>y)").match("xy").group("a"))
"""


def test_a_cached_patterns_groupindex_is_not_handed_out(fresh_guest):
    r = fresh_guest.run(GROUPINDEX)
    fresh_guest.contained(r, {"ok", "error", "violation"}, forbidden=["group y"])
    after = fresh_guest.run("import re\nprint(re.compile('(?P<a>x)(?P<b>y)').match('xy').group('a'))")
    assert (str(after.status), after.stdout) == ("ok", "x\n"), after


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_reflected_operators_do_not_hand_out_the_shared_dict(fresh_guest, name):
    r = fresh_guest.run(PAYLOADS[name] + WRITE)
    fresh_guest.contained(r, {"ok", "error", "violation"}, forbidden=["REACHED"])
    fresh_guest.assert_next_run_clean()


def test_views_still_read_and_compare(guest):
    code = ("import textwrap\nd = textwrap.TextWrapper.unicode_whitespace_trans\n"
            "print(d[32], len(d) > 3, d == dict(d), sorted(d | {1: 2})[:2], d.get(9))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "32 True True [1, 9] 32\n"), r
