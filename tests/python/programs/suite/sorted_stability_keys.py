people = [("alice", 30, "ny"), ("bob", 25, "la"), ("carol", 30, "la"), ("dave", 25, "ny"), ("eve", 35, "sf")]
by_age = sorted(people, key=lambda p: p[1])
print([p[0] for p in by_age])
by_city_then_age = sorted(sorted(people, key=lambda p: p[1], reverse=True), key=lambda p: p[2])
print([(p[0], p[2], p[1]) for p in by_city_then_age])
print(sorted("The quick Brown fox".split(), key=str.casefold))
print(sorted([3, -1, -4, 2], key=abs), sorted({"b": 2, "a": 3}.items(), key=lambda kv: kv[1]))
nums = [5, 2, 8, 1]
nums.sort(reverse=True)
print(nums, sorted(range(10), key=lambda x: (x % 3, -x)))
