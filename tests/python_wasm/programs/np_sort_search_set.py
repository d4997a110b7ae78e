import numpy as np

a = np.array([5, 3, 8, 1, 9, 2, 7, 3, 5, 5])
print(np.sort(a), np.argsort(a, kind='stable'))
print(np.unique(a), np.unique(a, return_counts=True))
print(np.searchsorted(np.sort(a), [0, 3, 6, 10]))
print(np.intersect1d(a, [1, 2, 3, 4]), np.union1d(a, [10, 11]), np.setdiff1d(a, [5, 3]))
print(np.isin(a, [3, 5]))
print(np.partition(a, 3)[:3].tolist() == sorted(a.tolist())[:3])
print(np.bincount(a), np.histogram(a, bins=4))
print(np.digitize([0.5, 2.5, 7.5], [1, 2, 5, 8]))
s = np.array(['pear', 'apple', 'fig'])
print(np.sort(s), np.lexsort((np.array([2, 1, 1]), np.array([1, 1, 0]))))
