import random
from collections import deque
random.seed(42)
queue = deque()
served, waits = 0, []
for minute in range(60):
    if random.random() < 0.4:
        queue.append(minute)
    if queue and random.random() < 0.5:
        waits.append(minute - queue.popleft())
        served += 1
print(served, len(queue), round(sum(waits) / len(waits), 3), max(waits))
