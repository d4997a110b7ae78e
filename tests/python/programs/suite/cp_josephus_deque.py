from collections import deque
n, k = map(int, input().split())
d = deque(range(1, n + 1))
order = []
while d:
    d.rotate(-(k - 1))
    order.append(d.popleft())
print(order[-1], order)
