# Attack: walk from a generator to its frame (`gi_frame.f_back.f_globals`) by every run-time path that does
# not spell the name in the source: getattr with a built string, str.format / format_map field paths, a
# class-pattern keyword on `collections.abc.Generator`, and a `__match_args__` assembled at run time.
# Published: CTF pyjail write-ups using generator frames to reach globals (shirajuki "pyjail cheatsheet",
# 2023; "gi_frame.f_back" walks in smolagents LocalPythonExecutor advisories, GHSA 2025).
import pytest

GETATTR_BUILT_NAME = """
def g():
    yield 1
it = g()
f = getattr(it, "gi_" + "frame")
print("REACHED", type(f).__name__, f.f_back)
"""

FORMAT_FIELD = """
def g():
    yield 1
print("REACHED", "{0.gi_frame.f_back.f_globals}".format(g()))
"""

FORMAT_MAP_FIELD = """
def g():
    yield 1
print("REACHED", "{it.gi_frame.f_globals}".format_map({"it": g()}))
"""

UNBOUND_FORMAT = """
def g():
    yield 1
print("REACHED", str.format("{0.gi_code.co_consts}", g()))
"""

MATCH_ARGS_AT_RUN_TIME = """
import collections.abc
class G(collections.abc.Generator):
    __match_args__ = ("gi" + "_frame",)
    def send(self, v): return v
    def throw(self, *a): raise StopIteration
def g():
    yield 1
G.register  # the ABC is the program's own: register() is allowed on it
class Mine(G):
    pass
m = Mine()
match m:
    case G(f):
        print("REACHED", f)
"""

PAYLOADS = {"getattr-built-name": GETATTR_BUILT_NAME, "format-field": FORMAT_FIELD,
            "format-map-field": FORMAT_MAP_FIELD, "unbound-format": UNBOUND_FORMAT,
            "match-args-at-run-time": MATCH_ARGS_AT_RUN_TIME}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_generator_frame_is_never_handed_out(guest, name):
    r = guest.run(PAYLOADS[name])
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    assert "frame" in r.stderr or "gi_code" in r.stderr, r.stderr


def test_generators_still_work(guest):
    r = guest.run("def g():\n    x = yield 1\n    yield x * 2\nit = g()\nprint(next(it), it.send(21))")
    assert (str(r.status), r.stdout) == ("ok", "1 42\n"), r
