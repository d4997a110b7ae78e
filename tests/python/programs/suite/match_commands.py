import sys
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
def run(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"going {d}"
        case ["pick", item, *rest] if rest:
            return f"picking {item} and {len(rest)} more"
        case ["pick", item]:
            return f"picking {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case _:
            return f"unknown {cmd!r}"
for line in sys.stdin:
    print(run(line.strip()))
def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case {"x": x, "y": y}:
            return f"dict point {x},{y}"
        case (a, b):
            return f"tuple {a},{b}"
        case int() | float() as n if n > 0:
            return f"positive {n}"
    return "other"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), {"x": 1, "y": 2}, (4, 5), 7, -1]:
    print(where(p))
