import math

class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError
    def __str__(self):
        return f"{self.name}: {self.area():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rectangle):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

shapes = []
for line in __import__("sys").stdin:
    kind, *args = line.split()
    cls = {"circle": Circle, "rect": Rectangle, "square": Square}[kind]
    shapes.append(cls(*map(float, args)))
for s in sorted(shapes):
    print(s)
print(Shape.count, [type(s).__name__ for s in shapes], isinstance(shapes[-1], Rectangle))
print(Square.__mro__[1].__name__, Square.__bases__[0].__name__, issubclass(Square, Shape))
