from enum import Enum, IntEnum, Flag, auto, unique

@unique
class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()

    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]

class Prio(IntEnum):
    LOW = 1
    HIGH = 3

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

s = State.IDLE
for _ in range(4):
    print(s, s.name, s.value)
    s = s.next()
print(sorted([Prio.HIGH, Prio.LOW]), Prio.HIGH + 1, State["DONE"], State(2))
rw = Perm.R | Perm.W
print(rw, Perm.W in rw, Perm.X in rw, [p.name for p in Perm])
