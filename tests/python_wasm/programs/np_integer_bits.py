import numpy as np

a = np.array([0b1100, 0b1010, 255, 1], dtype=np.int64)
print(a & 0b1000, a | 1, a ^ 0xFF, ~a, a << 2, a >> 1)
print(np.bitwise_count(a) if hasattr(np, "bitwise_count") else None)
print(np.binary_repr(10, width=8), np.base_repr(255, 16))
print(np.array([2**62], dtype=np.int64) * 2)
print(np.array([250], dtype=np.uint8) + np.uint8(10))
print(np.gcd(np.array([12, 18, 100]), 8), np.lcm(4, np.array([6, 10])))
print(np.floor_divide(np.array([-7, 7]), 2), np.remainder(np.array([-7, 7]), 3), np.divmod(np.array([-7, 7]), 3))
print(np.packbits(np.array([1, 0, 1, 1, 0, 0, 0, 1], dtype=np.uint8)), np.unpackbits(np.array([5], dtype=np.uint8)))
print(np.cumsum(np.arange(1, 11, dtype=np.int64)) % 7)
print(np.prod(np.arange(1, 21, dtype=np.int64)))
