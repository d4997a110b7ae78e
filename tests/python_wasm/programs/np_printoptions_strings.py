import numpy as np

a = np.linspace(0, 1, 7)
print(a)
with np.printoptions(precision=3, suppress=True):
    print(a * 1e-5, a * 1e5)
print(np.array2string(np.arange(30), max_line_width=40))
print(np.arange(2000))
print(repr(np.array([1.5, np.nan, -np.inf])))
print(repr(np.array([[1, 2], [3, 4]], dtype=np.int8)))
print(np.char.upper(np.array(['ab', 'cd'])), np.char.add(['a', 'b'], ['x', 'y']))
print(np.array([1e-10, 1.0, 1e10]))
print(np.format_float_positional(1 / 3, precision=5), np.format_float_scientific(12345.678, precision=3))
print(str(np.float64(2.5)), repr(np.float64(2.5)), repr(np.int64(3)), repr(np.bool_(True)))
