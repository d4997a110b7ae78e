# ruff: noqa  (a program compared with CPython as written, idioms included)
"""exec()/eval() without dictionaries: the caller's globals and locals (a function's locals as a snapshot)."""
def f(x):
    return eval("x * 2")
print(f(21))
def g2():
    y = 5
    exec("print(y + 1)")
    exec("z = 3")
    try:
        return z
    except NameError as e:
        return 'NameError ' + str(e)
print(g2())
k = 10
def h():
    return eval("k + 1")
print(h())
exec("top = 7")
print(top)
ns = {}
exec("def inner(v):\n    return eval('v + w')\nw = 100", ns)
print(ns['inner'](1))
print(list(map(eval, ["1 + 1", "k * 2"])))
class C:
    a = 3
    b = eval("a + 1")
print(C.b)
print([eval("i") for i in range(3)])
