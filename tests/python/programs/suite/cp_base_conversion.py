DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
def to_base(n, b):
    if n == 0:
        return "0"
    neg, n = n < 0, abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(DIGITS[r])
    return ("-" if neg else "") + "".join(reversed(out))
for line in __import__("sys").stdin:
    n, b = map(int, line.split())
    s = to_base(n, b)
    print(n, b, s, int(s, b) == n, bin(n), oct(n), hex(n), format(n, "x"))
