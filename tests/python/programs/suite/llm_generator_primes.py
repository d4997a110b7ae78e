from itertools import count, islice

def primes():
    composites = {}
    for n in count(2):
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)

def twin_primes():
    it = primes()
    prev = next(it)
    for p in it:
        if p - prev == 2:
            yield prev, p
        prev = p

print(list(islice(primes(), 20)))
print(list(islice(twin_primes(), 8)))
print(sum(islice(primes(), 1000)))
