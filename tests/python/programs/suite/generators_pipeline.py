import itertools

def read_numbers(lines):
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield int(line)

def running_avg(xs):
    total = 0
    for n, x in enumerate(xs, 1):
        total += x
        yield total / n

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

lines = __import__("sys").stdin.readlines()
nums = list(read_numbers(lines))
print(nums, [round(x, 2) for x in running_avg(nums)])
print(list(itertools.islice(fib(), 15)))
print(list(itertools.takewhile(lambda x: x < 100, fib())))
gen = (x * x for x in nums if x % 2)
print(next(gen), sum(gen))
def coro():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = coro(); next(c)
for v in (3, 4, 5):
    print(c.send(v))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
