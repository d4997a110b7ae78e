# Attack: `exec(src, D())` / `eval(src, D())` with a dict subclass whose `__contains__` (or `__getitem__`,
# `__setitem__`) lies: a sandbox that asks the program's mapping "is `__builtins__` there?" skips its own, and
# CPython's exec() then stores the calling frame's builtins (the host module's real ones) in the dict's storage.
# Published: this project's red team, round 3 (F6); the class is the classic pyjail / RestrictedPython
# `__builtins__` recovery through exec namespaces (cf. smolagents LocalPythonExecutor builtins escape advisories).
import pytest

LYING_CONTAINS = """
class D(dict):
    def __contains__(self, k):
        return True
g = D()
exec("x = 1", g)
B = dict.get(g, "__builtins__")
print("TYPE", type(B).__name__, B is not None and "open" in B and B["open"] is open)
os = B["__import__"]("os")
print("REACHED", os)
"""

LYING_GETITEM_EVAL = """
class D(dict):
    def __contains__(self, k):
        return k == "__builtins__" or dict.__contains__(self, k)
    def __getitem__(self, k):
        return dict.__getitem__(self, k)
g = D()
print(eval("1 + 1", g))
B = dict.get(g, "__builtins__")
os = B["__import__"]("posix")
print("REACHED", os)
"""

DROPPING_SETITEM = """
class D(dict):
    def __contains__(self, k):
        return dict.__contains__(self, k)
    def __setitem__(self, k, v):
        if k != "__builtins__":            # the sandbox's own store must not depend on this
            dict.__setitem__(self, k, v)
g = D()
exec("def f():\\n    return open", g)
print("REACHED" if g["f"]() is not open else "same open")
B = dict.get(g, "__builtins__")
print("REACHED", B["__import__"]("os"))
"""

MODULE_AS_BUILTINS = """
import json
g = {"__builtins__": json}              # CPython would use a module's raw __dict__ as builtins (defence in depth:
                                        # here a facade, refused like any non-dict)
exec("x = JSONDecoder", g)
print("REACHED", g["x"])
"""

PAYLOADS = {"lying-contains": LYING_CONTAINS, "lying-getitem-eval": LYING_GETITEM_EVAL,
            "dropping-setitem": DROPPING_SETITEM, "module-as-builtins": MODULE_AS_BUILTINS}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_exec_dict_subclass_gets_the_sandbox_builtins(fresh_guest, name):
    r = fresh_guest.run(PAYLOADS[name])
    fresh_guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "<module"])
    fresh_guest.assert_next_run_clean()


ORDINARY = r"""
class D(dict):
    def __missing__(self, k):
        if k == "c":
            return 0
        raise KeyError(k)
g = D(a=1)
exec("b = a + 1\ndef f():\n    return len([b, a]) + c", g)
print(sorted(k for k in g if k != "__builtins__"), g["b"], g["f"](), "__builtins__" in g)
print(eval("a * 10 + b", D(a=2, b=3)))
h = {}
exec("import math\ny = math.floor(2.5)", h)
print(h["y"], type(h["__builtins__"]).__name__)
k = {"__builtins__": {"len": len}}
exec("z = len('abc')", k)
print(k["z"])
try:
    exec("w = abs(-1)", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
"""


def test_exec_dict_subclass_ordinary_programs_as_cpython(guest):
    from tests.python.native import native

    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native(ORDINARY)[0]), r
