import copy
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
class Polygon:
    def __init__(self, pts):
        self.pts = pts
        self.cache = {"area": None}
    def __deepcopy__(self, memo):
        new = Polygon(copy.deepcopy(self.pts, memo))
        return new
class Tagged(tuple):
    def __new__(cls, items, tag):
        obj = super().__new__(cls, items)
        obj.tag = tag
        return obj
    def __getnewargs__(self):
        return (tuple(self), self.tag)
p = Polygon([Point(0, 0), Point(1, 0), Point(0, 1)])
q = copy.deepcopy(p)
q.pts[0].x = 99
print(p.pts, q.pts, q.cache)
t = copy.deepcopy(Tagged([1, 2], "t"))
print(t, t.tag, type(t).__name__)
print(copy.copy([1, [2]])[1] is copy.copy([1, [2]])[1])
