from dataclasses import dataclass, fields, KW_ONLY

@dataclass(slots=True)
class Point:
    x: int
    y: int
    _: KW_ONLY
    label: str = "p"

p = Point(1, 2, label="origin-ish")
print(p, [f.name for f in fields(p)], hasattr(p, "__dict__"))
