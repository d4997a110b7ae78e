import numpy as np

dt = np.dtype([('name', 'U8'), ('age', 'i4'), ('score', 'f8')])
rec = np.array([('ann', 31, 88.5), ('bob', 25, 92.0), ('cy', 40, 79.25)], dtype=dt)
print(rec)
print(np.sort(rec, order='age')['name'])
print(rec['score'].mean(), rec[rec['age'] > 30]['name'])
d = np.arange('2024-02-25', '2024-03-04', dtype='datetime64[D]')
print(d)
print(d[-1] - d[0], (d - np.datetime64('2024-01-01')).astype(int))
print(np.busday_count('2024-01-01', '2024-02-01'), np.is_busday(d))
print(np.datetime64('2024-03-10T12:30') + np.timedelta64(90, 'm'))
