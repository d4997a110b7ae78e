import sys
nums = list(map(int, sys.stdin.read().split()))
cnt = [0] * (max(nums) + 1)
for x in nums:
    cnt[x] += 1
out = []
for v, c in enumerate(cnt):
    out.extend([v] * c)
print(*out)
mode = max(range(len(cnt)), key=lambda v: (cnt[v], -v))
print("mode", mode, "x", cnt[mode])
