from collections import OrderedDict
class LRU:
    def __init__(self, cap):
        self.cap, self.d = cap, OrderedDict()
    def get(self, k):
        if k not in self.d:
            return -1
        self.d.move_to_end(k)
        return self.d[k]
    def put(self, k, v):
        self.d[k] = v
        self.d.move_to_end(k)
        if len(self.d) > self.cap:
            self.d.popitem(last=False)
cache = LRU(2)
out = []
for op in input().split(";"):
    parts = op.split()
    if parts[0] == "put":
        cache.put(int(parts[1]), int(parts[2]))
    else:
        out.append(cache.get(int(parts[1])))
print(out, list(cache.d.items()))
