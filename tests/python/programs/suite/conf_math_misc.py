import math, random, bisect, heapq
print(math.isqrt(10**30 + 12345), math.comb(60, 30), math.perm(10, 3), math.prod(range(1, 15)), math.gcd(12, 18, 30), math.lcm(4, 6, 10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.dist((0, 0), (3, 4)), math.hypot(3, 4, 12), math.nextafter(1.0, 2.0), math.ulp(1.0))
print(math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(1), math.pi, math.tau, math.e, math.inf, -math.inf)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.copysign(3, -0.0))
print(math.factorial(25), math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308 * 10), math.degrees(math.pi / 3), round(math.sin(math.pi), 12))
print(divmod(-7, 3), -7 // 3, -7 % 3, 7 % -3, pow(3, -1, 7), pow(2, 100, 10**9 + 7), (-8) ** (1 / 3), 2 ** -1, 10 ** 20 / 3)
print(int("ff", 16), int("0b101", 0), int(" 42 "), int("1_000"), float("  1e3 "), hex(-255), oct(8), bin(5), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((10).bit_length(), (255).bit_count(), (-1).bit_length(), 7 .as_integer_ratio(), (0.75).as_integer_ratio(), (1.5).hex(), float.fromhex("0x1.8p1"))
random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.sample(range(100), 5), random.uniform(1, 2))
xs = list(range(10)); random.shuffle(xs)
print(xs, random.choices("abc", weights=[1, 5, 10], k=6), random.randrange(0, 100, 7), random.gauss(0, 1), random.getrandbits(40))
print(round(random.triangular(0, 10), 6), random.betavariate(2, 3), random.expovariate(1.5))
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 10))
recs = [(1, "a"), (4, "b"), (9, "c")]
bisect.insort(recs, (5, "x"), key=lambda r: r[0])
print(recs, bisect.bisect_left(recs, 4, key=lambda r: r[0]))
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.heappushpop(h, 0), heapq.nlargest(2, h), heapq.nsmallest(3, [9, 2, 7, 1], key=lambda x: -x), list(heapq.merge([1, 4], [2, 3], [0])))
print(heapq.heapreplace(h, 10), h)
