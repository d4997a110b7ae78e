from enum import Enum, auto

class Light(Enum):
    RED = auto()
    GREEN = auto()
    YELLOW = auto()

TRANSITIONS = {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}
DURATION = {Light.RED: 30, Light.GREEN: 25, Light.YELLOW: 5}

def simulate(seconds: int, start: Light = Light.RED):
    state, t, log = start, 0, []
    while t < seconds:
        log.append((t, state.name))
        t += DURATION[state]
        state = TRANSITIONS[state]
    return log

for t, name in simulate(int(input())):
    print(f"{t:4d}s {name}")
print(Light.GREEN.value, Light(3), list(Light)[-1] is Light.YELLOW)
