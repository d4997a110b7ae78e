try:
    import numpy as np
    HAVE_NUMPY = True
except ImportError:
    HAVE_NUMPY = False

def mean(xs):
    if HAVE_NUMPY:
        return float(np.mean(xs))
    return sum(xs) / len(xs)

try:
    from typing import Self
except ImportError:
    Self = None

data = [float(x) for x in input().split()]
print(f"{mean(data):.4f}", Self is not None)
