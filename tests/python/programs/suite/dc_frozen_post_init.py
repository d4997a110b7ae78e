from dataclasses import dataclass, field, FrozenInstanceError
import math

@dataclass(frozen=True)
class Vector:
    x: float
    y: float
    norm: float = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "norm", math.hypot(self.x, self.y))

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

v = Vector(3, 4) + Vector(0, 0)
print(v, v.norm, hash(v) == hash(Vector(3, 4)))
try:
    v.x = 10
except FrozenInstanceError as e:
    print("frozen:", e)
