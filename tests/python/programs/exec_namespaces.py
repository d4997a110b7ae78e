# ruff: noqa  (a program compared with CPython as written, idioms included)
"""exec()/eval() in the program's own namespaces (compared with CPython by test_native_parity)."""
ns = {}
exec("""
counter = 0
def bump():
    global counter
    counter += 1
    return counter
def read():
    return limit * 2
class A:
    '''doc'''
    k = 3
    def m(self):
        return self.k + counter
    def __repr__(self):
        return 'A()'
x: int = 5
""", ns)
ns['limit'] = 21
print(ns['bump'](), ns['bump'](), ns['counter'], ns['read']())
print(ns['A'].__qualname__, ns['A'].m.__qualname__, ns['bump'].__qualname__, ns['A'].__doc__, ns['A']().m())
print(ns['__annotations__'], sorted(k for k in ns if k != '__builtins__'))
print(type(ns['__builtins__']).__name__)
print(eval("x + y", {"x": 1}, {"y": 2}))
g = {"a": 5}
lo = {}
exec("b = a + 1\ndef f():\n    return a\n", g, lo)
print(sorted(lo), sorted(k for k in g if k != '__builtins__'), lo['f']())
g['a'] = 7
print(lo['f']())
print(eval("(lambda z: z + a)(1)", g))
e = {}
print(eval("(w := 4) + 1", e), e.get('w'))
try:
    eval("undefined_name", {})
except NameError as ex:
    print('NameError', ex)
exec("import math\nr = math.sqrt(16)", e)
print(e['r'], 'math' in e)
exec("for i in range(3):\n    pass\nlast = i", e)
print(e['last'], e['i'])
exec("del last", e)
print('last' in e)
exec("class B(Exception):\n    pass\ntry:\n    raise B('x')\nexcept B as err:\n    caught = str(err)", e)
print(e['caught'], e['B'].__name__, e['B'].__module__)
def outer():
    d = {}
    exec("def h(n):\n    return 1 if n < 2 else n * h(n - 1)", d)
    return d['h'](6)
print(outer())
nsd = {'v': 10}
exec("def get():\n    return v\n", nsd)
nsd['v'] = 11
print(nsd['get']())
ns3 = {}
exec("items = [n * n for n in range(4)]\nt = sum(x for x in items)", ns3)
print(ns3['items'], ns3['t'])
exec("class P:\n    def __init__(self, v):\n        self.v = v\np = P(3)\np.v += 1\nq = p.v", ns3)
print(ns3['q'])
ns4 = {'__name__': 'mod'}
exec("class C:\n    pass\n", ns4)
print(ns4['C'].__module__, repr(ns4['C'])[:20])
src = "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nresult = fib(15)"
env = {}
exec(src, env)
print(env['result'], env['fib'].__name__, env['fib'].__qualname__)
env2 = {'__builtins__': {'len': len, 'print': print}}
exec("n = len('abc')", env2)
print(env2['n'])
try:
    exec("m = max(1, 2)", env2)
except NameError as e:
    print('NameError', e)
class Counter:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v * 10
    def __delitem__(self, k):
        del self.d[k]
c = Counter()
exec("a = 1\nb = a + 1", {}, c)
print(c.d)
print(eval("a * 3", {}, c))
print(eval("[i for i in range(3)]", {}), eval("sum(v for v in data)", {"data": [1, 2]}))
glob = {}
exec("x = 1\ndef incr():\n    global x\n    x += 1\n    return x\n", glob)
print(glob['incr'](), glob['incr'](), glob['x'])
glob['x'] = 100
print(glob['incr']())
def outer_exec():
    loc = {}
    exec("def g(v):\n    return v * k\n", {"k": 3}, loc)
    return loc['g'](5)
print(outer_exec())
try:
    exec("1/0", {})
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    exec("def broken(:\n    pass", {})
except SyntaxError as e:
    print('SyntaxError')
try:
    eval("x", [])
except TypeError as e:
    print('TypeError', e)
