import heapq
tasks = []
for i, line in enumerate(__import__("sys").stdin):
    name, prio, dur = line.split()
    heapq.heappush(tasks, (int(prio), i, name, int(dur)))
t = 0
while tasks:
    prio, _, name, dur = heapq.heappop(tasks)
    t += dur
    print(f"t={t:3d} ran {name} (prio {prio})")
print(heapq.nlargest(2, [5, 1, 8, 3]), heapq.nsmallest(2, [5, 1, 8, 3]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
