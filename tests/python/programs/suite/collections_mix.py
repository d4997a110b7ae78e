from collections import namedtuple, OrderedDict, ChainMap, deque, Counter, defaultdict
Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p._replace(x=5), p._asdict(), Point._fields, Point._make([3, 4]))
od = OrderedDict()
for k in "banana":
    od[k] = od.get(k, 0) + 1
od.move_to_end("b")
print(od, list(od.items())[0])
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm))
d = deque(range(5), maxlen=5)
d.rotate(2); d.appendleft(-1)
print(d, d.maxlen)
c = Counter("mississippi")
print(c.most_common(2), c["s"], (c - Counter("ss"))["s"], sorted(c.elements())[:4])
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(dict(t["a"]["b"]), "x" in t)
g = defaultdict(list)
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    g[w[0]].append(w)
print(dict(g))
