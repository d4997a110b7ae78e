import sys
def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    bit = [0] * (n + 1)
    def add(i, v):
        while i <= n:
            bit[i] += v
            i += i & -i
    def pref(i):
        s = 0
        while i > 0:
            s += bit[i]
            i -= i & -i
        return s
    inv = 0
    for idx, x in enumerate(map(int, data[1:1 + n])):
        inv += idx - pref(x)
        add(x, 1)
    sys.stdout.write(str(inv) + "\n")
main()
