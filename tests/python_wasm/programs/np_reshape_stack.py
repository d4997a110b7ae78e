import numpy as np

a = np.arange(6)
b = a.reshape(2, 3)
print(np.concatenate([b, b * 10]), np.concatenate([b, b], axis=1))
print(np.vstack([a, a]), np.hstack([a, a]))
print(np.stack([a, a + 1], axis=1))
print(np.split(np.arange(9), 3), np.array_split(np.arange(7), 3))
print(np.tile([1, 2], 3), np.repeat([1, 2], 3))
print(b.reshape(-1, 2), np.expand_dims(a, 0).shape, np.squeeze(np.zeros((1, 3, 1))).shape)
print(np.flip(b), np.rot90(b), np.roll(a, 2))
print(np.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape, np.transpose(np.zeros((2, 3, 4)), (2, 0, 1)).shape)
print(np.pad(b, 1), np.diff(np.array([1, 4, 9, 16])), np.meshgrid([1, 2], [3, 4, 5]))
