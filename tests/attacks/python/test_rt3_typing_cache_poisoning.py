# Attack: typing caches subscriptions (`Optional[X]`, `List[X]`, `Generic[T]`...) in lru_caches shared by
# the whole process, keyed by `==`: an object of the program's with another key's hash and a C-level
# `__eq__` that says yes (`functools.partial(operator.truth)`: no program frame, no tick) was cached under
# `Optional[fractions.Fraction]`, and later runs and the host itself got the program's alias back.
# Same technique, found by our own round-3 red team after the fix: re's compiled-pattern cache (an int
# subclass as flags: every later re.compile("abc") of the process, the host's included, ran the program's
# __eq__ and got its IGNORECASE pattern) and _strptime's format cache (a str subclass as the format).
# Published: this project's red team, round 3 (F14); the class is cache poisoning through a lying __eq__
# (hash-collision key confusion, cf. CPython bpo-43838-style reflected comparisons; pyjail write-ups that
# plant objects in process-wide registries).
import fractions
import typing

PLANT = """
import typing, fractions, functools, operator
class G0:
    def __init__(self, t): self.t = t
    def __call__(self): pass
    def __hash__(self): return hash(self.t)
    def __repr__(self): return "PLANTED"
G = type("G", (G0,), {"__eq__": functools.partial(operator.truth), "__hash__": G0.__hash__})
for i in range(200):                      # flush the special form's LRU (maxsize 128)
    typing.Optional[type("C%d" % i, (), {})]
typing.Optional[G(fractions.Fraction)]
typing.List[G(int)]
typing.Tuple[G(str), G(int)]
"""

PROBE = """
import typing, fractions
print(typing.Optional[fractions.Fraction], typing.List[int], typing.Tuple[str, int])
print(typing.List[int] is typing.List[int], typing.Optional[int] == typing.Union[int, None])
"""


def test_program_objects_never_enter_typing_caches(guest):
    r = guest.run(PLANT)
    guest.contained(r, {"ok"})
    r = guest.run(PROBE)
    assert (str(r.status), r.stdout) == (
        "ok", "typing.Optional[fractions.Fraction] typing.List[int] typing.Tuple[str, int]\nTrue True\n"), r
    # the host's own subscriptions (in-process, the program ran in this interpreter)
    assert typing.get_args(typing.Optional[fractions.Fraction]) == (fractions.Fraction, type(None))
    assert typing.get_args(typing.List[int]) == (int,)
    assert "PLANTED" not in repr(typing.Tuple[str, int])
    guest.assert_next_run_clean()


PLANT_LIBRARY = """
import re, datetime, functools, operator
F = type("F", (int,), {"__hash__": lambda self: 0, "__eq__": functools.partial(operator.truth)})
re.compile("abc", F(2))                       # re.IGNORECASE, cached under (str, "abc", F)
S = type("S", (str,), {"__hash__": lambda self: str.__hash__("%Y"), "__eq__": functools.partial(operator.truth)})
print(datetime.datetime.strptime("05", S("%d")).day)
"""


def test_program_objects_never_enter_library_caches(guest):
    import datetime
    import re

    r = guest.run(PLANT_LIBRARY)
    assert (str(r.status), r.stdout) == ("ok", "5\n"), r
    r = guest.run("import re, datetime\nprint(re.compile('abc').match('ABC'), datetime.datetime.strptime('2020', '%Y'))")
    assert (str(r.status), r.stdout) == ("ok", "None 2020-01-01 00:00:00\n"), r
    assert re.compile("abc").match("ABC") is None  # the host's own
    assert datetime.datetime.strptime("2020", "%Y").year == 2020
