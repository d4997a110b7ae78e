import copy
a = [1, [2, 3]]
a.append(a)
b = copy.deepcopy(a)
print(b[2] is b, b[1] is not a[1], a, repr(b))
d = {"k": [1]}
d["self"] = d
print(d, copy.copy(d)["self"] is d)
class T:
    def __init__(self): self.items = [1, 2]
t = T(); t2 = copy.deepcopy(t); t2.items.append(3)
print(t.items, t2.items)
import array, io
arr = array.array("i", [1, 2, 3])
arr.append(4)
print(arr, arr.tobytes()[:8], arr.itemsize, sum(arr), array.array("d", [1.5]), array.array("u", "hi"))
buf = io.StringIO()
print("hello", 42, file=buf)
buf.write("more\n")
print(repr(buf.getvalue()), io.StringIO("a\nb\n").readlines(), io.BytesIO(b"xy").read())
