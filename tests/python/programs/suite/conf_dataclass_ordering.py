from dataclasses import dataclass, field, asdict, astuple, replace
from typing import List
import sys
@dataclass(order=True)
class Player:
    score: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, repr=False)
    def __post_init__(self):
        self.name = self.name.title()
lines = sys.stdin.read().strip().splitlines()
players = [Player(int(s), n) for n, s in (l.split() for l in lines)]
players.sort(reverse=True)
for p in players:
    print(p)
print(asdict(players[0]), astuple(players[-1]))
print(replace(players[0], score=0) == Player(0, "zzz"), max(players), min(players).name)
@dataclass(frozen=True)
class P:
    x: int
    y: int = 0
p = P(1)
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)
print(hash(p) == hash(P(1, 0)), {p, P(1)}, P.__dataclass_fields__.keys())
