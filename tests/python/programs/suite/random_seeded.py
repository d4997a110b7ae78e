import random
random.seed(12345)
print([random.randint(1, 100) for _ in range(5)])
print(random.random(), random.uniform(1, 2))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.choice(xs), random.sample(range(100), 4), random.choices("abc", k=5))
rng = random.Random(7)
print(rng.randrange(0, 100, 5), rng.gauss(0, 1) != 0, rng.getrandbits(16))
