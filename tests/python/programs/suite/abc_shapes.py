from abc import ABC, abstractmethod
import math
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
class Circle(Shape):
    name = "circle"
    def __init__(self, r): self.r = r
    def area(self): return math.pi * self.r ** 2
class Rect(Shape):
    name = "rect"
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
for s in sorted([Circle(1), Rect(2, 3), Circle(0.5)], key=lambda s: s.area()):
    print(s.describe())
print(isinstance(Circle(1), Shape), issubclass(Rect, Shape))
