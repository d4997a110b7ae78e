import math
n = int(input())
pts = [tuple(map(float, input().split())) for _ in range(n)]
area = 0.0
for i in range(n):
    x1, y1 = pts[i]
    x2, y2 = pts[(i + 1) % n]
    area += x1 * y2 - x2 * y1
print(f"{abs(area) / 2:.3f}")
per = sum(math.dist(pts[i], pts[(i + 1) % n]) for i in range(n))
print("%.6f" % per)
print("{:>10.2e}|{:<8.1f}|{:^9}".format(per, area, 'mid'))
