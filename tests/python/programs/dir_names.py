# ruff: noqa  (a program compared with CPython as written, idioms included)
x: int = 5
y: str
print(x, sorted(dir()))
class C:
    z: float = 1.0
print(C.__annotations__)
def f():
    x = 1
    return dir()
print(f())
class A:
    y = 2
    print(dir())
print(dir(1)[:3])
ns = {}
exec("a = 1\nnames = dir()", ns)
print(sorted(ns['names']))
import math
print(len(dir(math)) > 5, [n for n in dir() if n.startswith('_')])
try:
    dir(1, 2)
except TypeError as e:
    print(e)
