# Attack: `exec(src, ns)` on a plain dict makes CPython store a `__builtins__` in `ns`; a sandbox that lets the
# interpreter fill it in hands the program the host's real builtins (`open`, `__import__`). Variants: read it
# after exec, delete it between two execs, eval with a fresh dict, a function defined in the namespace.
# Published: RestrictedPython / smolagents advisories on `__builtins__` recovery through exec namespaces
# (smolagents GHSA-2025 "LocalPythonExecutor builtins escape"); classic pyjail `__builtins__` lookups.
import pytest

READ_AFTER_EXEC = """
g = {}
exec("x = 1", g)
B = g["__builtins__"]
print("TYPE", type(B).__name__)
try:
    print("REACHED", B["open"]("/etc/hostname").read())
except Exception as e:
    print("open refused", type(e).__name__)
os = B["__import__"]("os")
print("REACHED", os)
"""

DELETED_BETWEEN_EXECS = """
g = {}
exec("def f():\\n    return 1", g)
del g["__builtins__"]
exec("y = 2", g)
B = g["__builtins__"]
print("REACHED", B["__import__"]("os"))
"""

EVAL_FRESH_DICT = """
g = {}
eval("1", g)
B = g["__builtins__"]
print("REACHED", B["__import__"]("posix"))
"""

FUNCTION_IN_NAMESPACE = """
g2 = {}
exec("def f():\\n    return open('/etc/hostname')", g2)
print("REACHED", g2["f"]())
"""

PAYLOADS = {"read-after-exec": READ_AFTER_EXEC, "deleted-between-execs": DELETED_BETWEEN_EXECS,
            "eval-fresh-dict": EVAL_FRESH_DICT, "function-in-namespace": FUNCTION_IN_NAMESPACE}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_exec_namespaces_get_the_sandbox_builtins(fresh_guest, name):
    r = fresh_guest.run(PAYLOADS[name])
    fresh_guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "<module"])
    fresh_guest.assert_next_run_clean()


def test_exec_namespace_builtins_still_work(guest):
    r = guest.run("g = {}\nexec('x = len([1, 2]) + abs(-1)', g)\n"
                  "print(g['x'], sorted(k for k in g if k != '__builtins__'))")
    assert (str(r.status), r.stdout) == ("ok", "3 ['x']\n"), r
