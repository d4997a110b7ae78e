from itertools import groupby
def encode(s):
    return "".join(f"{len(list(g))}{k}" for k, g in groupby(s))
def decode(s):
    import re
    return "".join(ch * int(n) for n, ch in re.findall(r"(\d+)(\D)", s))
for line in __import__("sys").stdin.read().split():
    e = encode(line)
    print(line, e, decode(e) == line)
